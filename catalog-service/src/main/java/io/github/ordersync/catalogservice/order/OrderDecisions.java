package io.github.ordersync.catalogservice.order;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order_decisions table: which orders this service has decided, and how. */
@Repository
class OrderDecisions {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OrderDecisions(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The stored decisions among {@code orderIds}, by order id. */
    Map<UUID, Decision> find(Collection<UUID> orderIds) {
        return jdbc
                .sql("SELECT order_id, status, reason, decided_at FROM order_decisions WHERE order_id IN (:ids)")
                .param("ids", orderIds.stream().map(UUID::toString).toList())
                .query((row, rowNum) -> Map.entry(
                        UUID.fromString(row.getString("order_id")),
                        new Decision(
                                Decision.Status.valueOf(row.getString("status")),
                                row.getString("reason"),
                                row.getTimestamp("decided_at").toInstant())))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails with a duplicate key if another consumer decided one of the orders concurrently. */
    void insert(List<OrderDecided> decided) {
        batch.batchUpdate(
                "INSERT INTO order_decisions (order_id, product_id, qty, status, reason, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                decided,
                decided.size(),
                (statement, one) -> {
                    statement.setString(1, one.order().orderId().toString());
                    statement.setString(2, one.order().productId());
                    statement.setInt(3, one.order().qty());
                    statement.setString(4, one.decision().status().name());
                    statement.setString(5, one.decision().reason());
                    statement.setTimestamp(6, Timestamp.from(one.decision().decidedAt()));
                });
    }
}
