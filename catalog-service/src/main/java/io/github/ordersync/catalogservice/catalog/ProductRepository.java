package io.github.ordersync.catalogservice.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;

/**
 * Products for the catalog's API, its stock metric, edits of name and price, and the prices an order is decided at.
 * Stock itself changes only in {@link Products}.
 */
interface ProductRepository extends Repository<Product, String> {

    Sort BY_ID = Sort.by("productId");

    List<Product> findAll(Sort sort);

    Optional<Product> findById(String productId);

    Product save(Product product);

    /** Two columns of each of these products that exists, as a projection: no entity is loaded or kept. */
    List<ProductPrice> findPricesByProductIdIn(Collection<String> productIds);

    /** A product's current unit price. */
    record ProductPrice(String productId, long unitPrice) {}
}
