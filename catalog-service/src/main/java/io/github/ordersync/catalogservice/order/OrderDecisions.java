package io.github.ordersync.catalogservice.order;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order_decisions table: which orders this service has decided, and how. */
@Repository
class OrderDecisions {

    private final JdbcClient jdbc;

    OrderDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Decision> find(UUID orderId) {
        return jdbc.sql("SELECT status, reason, decided_at FROM order_decisions WHERE order_id = ?")
                .param(orderId.toString())
                .query((row, rowNum) -> new Decision(
                        Decision.Status.valueOf(row.getString("status")),
                        row.getString("reason"),
                        row.getTimestamp("decided_at").toInstant()))
                .optional();
    }

    /** Fails with a duplicate key if another consumer decided the same order concurrently. */
    void insert(OrderPlaced order, Decision decision) {
        jdbc.sql("INSERT INTO order_decisions (order_id, product_id, qty, status, reason, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .param(order.orderId().toString())
                .param(order.productId())
                .param(order.qty())
                .param(decision.status().name())
                .param(decision.reason())
                .param(Timestamp.from(decision.decidedAt()))
                .update();
    }
}
