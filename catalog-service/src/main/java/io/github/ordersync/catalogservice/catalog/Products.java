package io.github.ordersync.catalogservice.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The products table, and the only statement that ever changes stock. */
@Repository
public class Products {

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> findAll() {
        return jdbc.sql("SELECT product_id, product_name, unit_price, stock FROM products ORDER BY product_id")
                .query(Product.class)
                .list();
    }

    Optional<Product> find(String productId) {
        return jdbc.sql("SELECT product_id, product_name, unit_price, stock FROM products WHERE product_id = ?")
                .param(productId)
                .query(Product.class)
                .optional();
    }

    public boolean exists(String productId) {
        return jdbc.sql("SELECT COUNT(*) FROM products WHERE product_id = ?")
                        .param(productId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Takes {@code qty} items out of stock if there are that many: one conditional UPDATE, so concurrent
     * reservations cannot oversell and stock never goes below zero.
     *
     * @return whether the stock was reserved
     */
    public boolean reserve(String productId, int qty) {
        return jdbc.sql("UPDATE products SET stock = stock - ? WHERE product_id = ? AND stock >= ?")
                        .param(qty)
                        .param(productId)
                        .param(qty)
                        .update()
                == 1;
    }
}
