package io.github.ordersync.catalogservice.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A product of the catalog. Its stock changes only through {@link Products#reserve}, one conditional statement, never
 * through this entity (the column is not updatable here); its name and price are the entity's to edit, and
 * {@code @Version} makes a concurrent edit fail instead of being lost.
 */
@Entity
@Table(name = "products")
class Product {

    @Id
    private String productId;

    @Column(nullable = false)
    private String productName;

    @Column(nullable = false)
    private long unitPrice;

    @Column(nullable = false, updatable = false)
    private int stock;

    @Version
    @Column(nullable = false)
    private long version;

    /** For JPA. */
    protected Product() {}

    /** Edits the name; a concurrent edit of the same product makes one of them fail at commit. */
    void rename(String productName) {
        this.productName = productName;
    }

    /** Edits the price; orders placed at the old price are rejected from then on. */
    void reprice(long unitPrice) {
        this.unitPrice = unitPrice;
    }

    String productId() {
        return productId;
    }

    int stock() {
        return stock;
    }

    ProductView view() {
        return new ProductView(productId, productName, unitPrice, stock);
    }
}
