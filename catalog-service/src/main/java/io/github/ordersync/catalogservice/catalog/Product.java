package io.github.ordersync.catalogservice.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.springframework.data.domain.Persistable;

/**
 * A product of the catalog. Its stock changes only through {@link Products}, one statement per change (taken by an
 * order, added by a restock), never through this entity (the column is not updatable here); its name and price are
 * the entity's to edit, and {@code @Version} makes a concurrent edit fail instead of being lost. A new product is
 * inserted, never merged into one that exists under the same id.
 */
@Entity
@Table(name = "products")
class Product implements Persistable<String> {

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

    @Transient
    private boolean isNew;

    /** For JPA. */
    protected Product() {}

    /** A product to add to the catalog. */
    Product(String productId, String productName, long unitPrice, int stock) {
        this.productId = productId;
        this.productName = productName;
        this.unitPrice = unitPrice;
        this.stock = stock;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return productId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

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
