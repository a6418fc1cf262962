package io.github.ordersync.orderservice.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/**
 * Reads the shared orders table. Only the JDBC sink connector writes it, so every order-service instance sees the
 * same orders, each with its latest status.
 */
interface OrderTable extends Repository<OrderRow, String> {

    /** Newest first; a listing is capped so that one busy user cannot make a response unbounded. */
    int MAX_LISTED = 100;

    Optional<OrderRow> findById(String orderId);

    List<OrderRow> findByUserIdOrderByCreatedAtDesc(String userId, Limit limit);

    default Optional<OrderView> find(UUID orderId) {
        return findById(orderId.toString()).map(OrderRow::view);
    }

    default List<OrderView> findByUser(String userId) {
        return findByUserIdOrderByCreatedAtDesc(userId, Limit.of(MAX_LISTED)).stream()
                .map(OrderRow::view)
                .toList();
    }
}
