package io.github.ordersync.systemtests;

import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.MariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Direct looks into the two databases, with the services' own accounts, plus a product factory. */
final class Databases {

    private final LocalStack stack;

    Databases(LocalStack stack) {
        this.stack = stack;
    }

    /** Adds a product of its own to the catalog, so a test can count its stock without seeing other tests. */
    String newProduct(int stock, long unitPrice) {
        String productId = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = catalog();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO products (product_id, product_name, unit_price, stock) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, productId);
            insert.setString(2, "Test product " + productId);
            insert.setLong(3, unitPrice);
            insert.setInt(4, stock);
            insert.executeUpdate();
            return productId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int stock(String productId) {
        try (Connection db = catalog();
                PreparedStatement select = db.prepareStatement("SELECT stock FROM products WHERE product_id = ?")) {
            select.setString(1, productId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order's row in the shared table as column name to value, or null when there is none. */
    Map<String, Object> orderRow(String orderId) {
        try (Connection db = orders();
                PreparedStatement select = db.prepareStatement("SELECT * FROM orders WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> columns = new HashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnLabel(i), row.getObject(i));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the product in the shared table, by status. */
    Map<String, Integer> statusCounts(String productId) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = orders();
                PreparedStatement select = db.prepareStatement(
                        "SELECT status, COUNT(*) FROM orders WHERE product_id = ? GROUP BY status")) {
            select.setString(1, productId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection catalog() throws SQLException {
        return connect(MariaDb.CATALOG_DATABASE, stack.catalogServiceAccount());
    }

    private Connection orders() throws SQLException {
        return connect(MariaDb.ORDERS_DATABASE, stack.orderServiceAccount());
    }

    private Connection connect(String database, DatabaseAccount account) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), account.user(), account.password());
    }
}
