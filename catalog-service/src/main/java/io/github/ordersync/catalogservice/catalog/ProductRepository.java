package io.github.ordersync.catalogservice.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;

/**
 * Products for the catalog's API, its stock metric and edits of name and price. Stock itself changes only in
 * {@link Products}.
 */
interface ProductRepository extends Repository<Product, String> {

    Sort BY_ID = Sort.by("productId");

    List<Product> findAll(Sort sort);

    Optional<Product> findById(String productId);

    Product save(Product product);
}
