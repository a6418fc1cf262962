package io.github.ordersync.orderservice.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the shared orders table. Only the JDBC sink connector writes it, so every order-service instance sees
 * the same orders, each with its latest status.
 */
@Repository
class OrderTable {

    /** Newest first; a listing is capped so that one busy user cannot make a response unbounded. */
    static final int MAX_LISTED = 100;

    private static final String COLUMNS =
            "order_id, user_id, product_id, qty, unit_price, total_price, status, reason, created_at, decided_at";

    private final JdbcClient jdbc;

    OrderTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderView> find(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE order_id = ?")
                .param(orderId.toString())
                .query(OrderTable::toView)
                .optional();
    }

    List<OrderView> findByUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = ? ORDER BY created_at DESC LIMIT ?")
                .param(userId)
                .param(MAX_LISTED)
                .query(OrderTable::toView)
                .list();
    }

    private static OrderView toView(ResultSet row, int rowNum) throws SQLException {
        return new OrderView(
                UUID.fromString(row.getString("order_id")),
                row.getString("user_id"),
                row.getString("product_id"),
                row.getInt("qty"),
                row.getLong("unit_price"),
                row.getLong("total_price"),
                OrderStatus.valueOf(row.getString("status")),
                row.getString("reason"),
                utc(row.getObject("created_at", LocalDateTime.class)),
                utc(row.getObject("decided_at", LocalDateTime.class)));
    }

    /** The table holds UTC wall-clock times (the sink writes them so): read them as UTC, whatever this JVM's zone. */
    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
