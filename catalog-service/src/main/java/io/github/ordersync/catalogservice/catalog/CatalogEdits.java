package io.github.ordersync.catalogservice.catalog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits, restocks and removes products, each in its own transaction. Every change reaches order-service through
 * the binlog (the catalog-source connector); nothing here publishes it.
 */
@Service
class CatalogEdits {

    private final ProductRepository repository;
    private final Products products;

    CatalogEdits(ProductRepository repository, Products products) {
        this.repository = repository;
        this.products = products;
    }

    /** An INSERT, never a merge: the primary key refuses an id that exists, also one added concurrently. */
    @Transactional
    ProductView add(NewProduct product) {
        try {
            return repository
                    .saveAndFlush(new Product(
                            product.productId(), product.productName(), product.unitPrice(), product.stock()))
                    .view();
        } catch (DataIntegrityViolationException e) {
            throw ProductConflict.exists(product.productId());
        }
    }

    /**
     * Waits for the decisions that read the product's price (they lock its row) and changes it after them: no order is
     * confirmed at the old price once this returns. A concurrent edit of the same product waits too, then applies
     * on top of it.
     */
    @Transactional
    ProductView edit(String productId, ProductChange change) {
        Product product = repository.findLockedByProductId(productId).orElseThrow(() -> new ProductNotFound(productId));
        product.rename(change.productName());
        product.reprice(change.unitPrice());
        return repository.saveAndFlush(product).view();
    }

    @Transactional
    ProductView restock(String productId, int qty) {
        if (!products.restock(productId, qty)) {
            throw repository.findById(productId).isPresent()
                    ? ProductConflict.tooMuchStock(productId)
                    : new ProductNotFound(productId);
        }
        return repository.findById(productId).orElseThrow().view();
    }

    /** Orders for it that are still on their way are rejected as for an unknown product. */
    @Transactional
    void remove(String productId) {
        repository.delete(repository.findById(productId).orElseThrow(() -> new ProductNotFound(productId)));
    }
}
