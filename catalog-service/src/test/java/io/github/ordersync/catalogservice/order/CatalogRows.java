package io.github.ordersync.catalogservice.order;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the order tests read back from catalog-service's database: a product's price and stock, an order's decision. */
final class CatalogRows {

    private CatalogRows() {}

    static long priceOf(JdbcClient db, String productId) {
        return db.sql("SELECT unit_price FROM products WHERE product_id = ?")
                .param(productId)
                .query(Long.class)
                .single();
    }

    static int stockOf(JdbcClient db, String productId) {
        return db.sql("SELECT stock FROM products WHERE product_id = ?")
                .param(productId)
                .query(Integer.class)
                .single();
    }

    /** The order's status as decided, or null while it is not. */
    static String decisionOf(JdbcClient db, UUID orderId) {
        return db.sql("SELECT status FROM order_decisions WHERE order_id = ?")
                .param(orderId.toString())
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
