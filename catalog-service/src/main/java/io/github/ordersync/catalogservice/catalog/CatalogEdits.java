package io.github.ordersync.catalogservice.catalog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
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

    @Transactional
    ProductView add(NewProduct product) {
        if (repository.findById(product.productId()).isPresent()) {
            throw ProductConflict.exists(product.productId());
        }
        try {
            return repository
                    .saveAndFlush(new Product(
                            product.productId(), product.productName(), product.unitPrice(), product.stock()))
                    .view();
        } catch (DataIntegrityViolationException e) {
            // added by a concurrent request between the read above and the insert
            throw ProductConflict.exists(product.productId());
        }
    }

    /** A concurrent edit of the same product fails one of the two ({@code @Version}) instead of losing it. */
    @Transactional
    ProductView edit(String productId, ProductChange change) {
        Product product = repository.findById(productId).orElseThrow(() -> new ProductNotFound(productId));
        product.rename(change.productName());
        product.reprice(change.unitPrice());
        try {
            return repository.saveAndFlush(product).view();
        } catch (OptimisticLockingFailureException e) {
            throw ProductConflict.editedConcurrently(productId);
        }
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
