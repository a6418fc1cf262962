package io.github.ordersync.systemtests;

import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.MariaDb;
import io.github.ordersync.localstack.StackWithServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Direct looks into the two databases, with the services' own accounts, plus a product factory. */
final class Databases {

    private final StackWithServices pipeline;
    private final LocalStack stack;

    Databases(StackWithServices pipeline) {
        this.pipeline = pipeline;
        this.stack = pipeline.stack();
    }

    /**
     * Adds a product of its own to the catalog, so a test can count its stock without seeing other tests, and waits
     * until every order-service instance has it in its read model (through the binlog and the catalog-source
     * connector), so orders for it are not refused as for an unknown product.
     */
    String newProduct(int stock, long unitPrice) {
        String productId = insertProduct(stock, unitPrice);
        pipeline.awaitCatalogSeen();
        return productId;
    }

    private String insertProduct(int stock, long unitPrice) {
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

    /** A row of the shared orders table or of the catalog's decisions: the order, what it asked, how it ended. */
    record OrderState(String orderId, String productId, int qty, String status) {}

    /** The shared table's rows for these products. */
    List<OrderState> orderRows(Collection<String> productIds) {
        return states(orders(), "SELECT order_id, product_id, qty, status FROM orders", productIds);
    }

    /** The catalog's decisions for these products. */
    List<OrderState> decisions(Collection<String> productIds) {
        return states(catalog(), "SELECT order_id, product_id, qty, status FROM order_decisions", productIds);
    }

    /** Stock per product. */
    Map<String, Integer> stocks(Collection<String> productIds) {
        Map<String, Integer> stocks = new HashMap<>();
        query(
                catalog(),
                "SELECT product_id, stock FROM products",
                productIds,
                row -> stocks.put(row.getString(1), row.getInt(2)));
        return stocks;
    }

    /**
     * A fingerprint of everything both databases hold about orders and stock: equal fingerprints mean not a
     * single row or stock count changed.
     */
    String fingerprint() {
        return single(
                        orders(),
                        "SELECT CONCAT(COUNT(*), '/', COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', order_id,"
                                + " user_id, product_id, qty, unit_price, total_price, status, reason, created_at, decided_at))),"
                                + " 0)) FROM orders")
                + " "
                + single(
                        catalog(),
                        "SELECT CONCAT(COUNT(*), '/', COALESCE(BIT_XOR(CRC32(CONCAT_WS('|',"
                                + " order_id, status, qty))), 0)) FROM order_decisions")
                + " "
                + single(
                        catalog(),
                        "SELECT CONCAT(SUM(stock), '/', BIT_XOR(CRC32(CONCAT(product_id, stock))))" + " FROM products");
    }

    /**
     * Everything both databases hold, summed: the shared table's rows, the catalog's decisions by status, and per
     * product its stock and the quantity its confirmed decisions took.
     */
    record Books(int rows, int confirmed, int rejected, Map<String, Integer> stock, Map<String, Integer> confirmedQty) {

        int decisions() {
            return confirmed + rejected;
        }

        int totalStock() {
            return stock.values().stream().mapToInt(Integer::intValue).sum();
        }

        int lowestStock() {
            return stock.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        }
    }

    Books books() {
        int rows = Integer.parseInt(single(orders(), "SELECT COUNT(*) FROM orders"));
        int confirmed =
                Integer.parseInt(single(catalog(), "SELECT COUNT(*) FROM order_decisions WHERE status = 'CONFIRMED'"));
        int rejected =
                Integer.parseInt(single(catalog(), "SELECT COUNT(*) FROM order_decisions WHERE status = 'REJECTED'"));
        Map<String, Integer> stock = new HashMap<>();
        Map<String, Integer> confirmedQty = new HashMap<>();
        try (Connection db = catalog();
                PreparedStatement select = db.prepareStatement("SELECT p.product_id, p.stock, COALESCE(SUM(d.qty), 0)"
                        + " FROM products p LEFT JOIN order_decisions d"
                        + " ON d.product_id = p.product_id AND d.status = 'CONFIRMED'"
                        + " GROUP BY p.product_id, p.stock");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                stock.put(row.getString(1), row.getInt(2));
                confirmedQty.put(row.getString(1), row.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Books(rows, confirmed, rejected, stock, confirmedQty);
    }

    /**
     * {@code SET GLOBAL read_only}, as a failover or an operator does: accounts without the READ_ONLY ADMIN
     * privilege (every service's) get error 1290 on each write until it is off again. Done as the database's
     * administrator: mariadb-install-db gives root, and the operating system user who ran it, an account that
     * authenticates by the peer of the server's Unix socket (unix_socket plugin), no password.
     */
    void readOnly(boolean on) {
        String socket = single(catalog(), "SELECT @@socket");
        try (Connection root = DriverManager.getConnection(
                        "jdbc:mariadb://localhost/?localSocket=" + socket, System.getProperty("user.name"), null);
                Statement sql = root.createStatement()) {
            sql.execute("SET GLOBAL read_only = " + (on ? "ON" : "OFF"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot switch read_only as the administrator through " + socket, e);
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private List<OrderState> states(Connection db, String select, Collection<String> productIds) {
        List<OrderState> states = new ArrayList<>();
        query(
                db,
                select,
                productIds,
                row -> states.add(new OrderState(row.getString(1), row.getString(2), row.getInt(3), row.getString(4))));
        return states;
    }

    private static void query(Connection db, String select, Collection<String> productIds, RowReader reader) {
        String placeholders = String.join(",", Collections.nCopies(productIds.size(), "?"));
        try (db;
                PreparedStatement statement =
                        db.prepareStatement(select + " WHERE product_id IN (" + placeholders + ")")) {
            int i = 1;
            for (String productId : productIds) {
                statement.setString(i++, productId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's zones: the system's and the session default, e.g. "KST SYSTEM". */
    String timeZones() {
        return single(orders(), "SELECT CONCAT(@@system_time_zone, ' ', @@time_zone)");
    }

    private static String single(Connection db, String select) {
        try (db;
                PreparedStatement statement = db.prepareStatement(select);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection catalog() {
        return connect(MariaDb.CATALOG_DATABASE, stack.catalogServiceAccount());
    }

    private Connection orders() {
        return connect(MariaDb.ORDERS_DATABASE, stack.orderServiceAccount());
    }

    private Connection connect(String database, DatabaseAccount account) {
        try {
            return DriverManager.getConnection(stack.jdbcUrl(database), account.user(), account.password());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach " + database + ": " + e.getMessage(), e);
        }
    }
}
