package io.github.ordersync.catalogservice.catalog;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * Products for the catalog's API, its stock metric, adding, editing and removing products, and the prices an order is
 * decided at. Stock itself changes only in {@link Products}.
 */
interface ProductRepository extends Repository<Product, String> {

    Sort BY_ID = Sort.by("productId");

    List<Product> findAll(Sort sort);

    Optional<Product> findById(String productId);

    /**
     * The product, its row locked until the transaction ends (SELECT ... FOR UPDATE): an edit waits for the order
     * decisions that hold it and then sees the stock they left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Product> findLockedByProductId(String productId);

    Product save(Product product);

    /** As {@link #save}, with the statement sent now: a duplicate id or a concurrent edit fails here. */
    Product saveAndFlush(Product product);

    void delete(Product product);

    /**
     * Two columns of each of these products that exists, as a projection: no entity is loaded or kept. The rows stay
     * locked until the caller's transaction ends (SELECT ... FOR UPDATE, taken in primary key order, so two batches
     * cannot deadlock): a price change waits for the decisions that read the old price, and a decision never confirms
     * an order at a price the catalog no longer has.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ProductPrice> findPricesByProductIdIn(Collection<String> productIds);

    /** A product's current unit price. */
    record ProductPrice(String productId, long unitPrice) {}
}
