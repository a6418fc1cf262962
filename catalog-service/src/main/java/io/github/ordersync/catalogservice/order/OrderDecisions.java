package io.github.ordersync.catalogservice.order;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The order_decisions table: which orders this service has decided, what they were, and how they were decided.
 * Times are stored as UTC wall-clock values, whatever the zone of the JVM or of the database.
 */
@Repository
class OrderDecisions {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OrderDecisions(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A decided order as stored: what was ordered and the decision. */
    record Stored(String productId, int qty, Long unitPrice, Decision decision) {

        /** Why {@code order}, arriving under this order's id, is not the order decided, or empty if it is. */
        Optional<String> contradiction(OrderPlaced order) {
            return OrderDecisions.contradiction(productId, qty, unitPrice, order);
        }
    }

    /**
     * Why {@code order} is not the order already known under its id (product, quantity and, where known, price), or
     * empty if it is. The time may differ: a retry with the same Idempotency-Key is the same order placed later.
     */
    static Optional<String> contradiction(String productId, int qty, Long unitPrice, OrderPlaced order) {
        boolean same = productId.equals(order.productId())
                && qty == order.qty()
                && (unitPrice == null || unitPrice == order.unitPrice());
        if (same) {
            return Optional.empty();
        }
        return Optional.of("Order " + order.orderId() + " contradicts its decision: decided for " + qty + " x "
                + productId + (unitPrice == null ? "" : " at " + unitPrice) + ", this record says " + order.qty()
                + " x " + order.productId() + " at " + order.unitPrice());
    }

    /** The stored decisions among {@code orderIds}, by order id. */
    Map<UUID, Stored> find(Collection<UUID> orderIds) {
        return jdbc
                .sql("SELECT order_id, product_id, qty, unit_price, status, reason, decided_at FROM order_decisions"
                        + " WHERE order_id IN (:ids)")
                .param("ids", orderIds.stream().map(UUID::toString).toList())
                .query((row, rowNum) -> Map.entry(
                        UUID.fromString(row.getString("order_id")),
                        new Stored(
                                row.getString("product_id"),
                                row.getInt("qty"),
                                row.getObject("unit_price", Long.class),
                                new Decision(
                                        Decision.Status.valueOf(row.getString("status")),
                                        row.getString("reason"),
                                        row.getObject("decided_at", LocalDateTime.class)
                                                .toInstant(ZoneOffset.UTC)))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails with a duplicate key if another consumer decided one of the orders concurrently. */
    void insert(List<OrderDecided> decided) {
        batch.batchUpdate(
                "INSERT INTO order_decisions (order_id, product_id, qty, unit_price, status, reason, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                decided,
                decided.size(),
                (statement, one) -> {
                    statement.setString(1, one.order().orderId().toString());
                    statement.setString(2, one.order().productId());
                    statement.setInt(3, one.order().qty());
                    statement.setLong(4, one.order().unitPrice());
                    statement.setString(5, one.decision().status().name());
                    statement.setString(6, one.decision().reason());
                    statement.setObject(
                            7,
                            LocalDateTime.ofInstant(
                                    Objects.requireNonNull(one.decision().decidedAt()), ZoneOffset.UTC));
                });
    }
}
