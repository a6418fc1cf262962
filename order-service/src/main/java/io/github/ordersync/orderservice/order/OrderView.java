package io.github.ordersync.orderservice.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An order as clients see it: its row in the shared orders table, or the order just placed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(
        UUID orderId,
        String userId,
        String productId,
        int qty,
        long unitPrice,
        long totalPrice,
        OrderStatus status,
        String reason,
        Instant createdAt,
        Instant decidedAt) {

    static OrderView of(OrderPlaced order) {
        return new OrderView(
                order.orderId(),
                order.userId(),
                order.productId(),
                order.qty(),
                order.unitPrice(),
                order.totalPrice(),
                order.status(),
                null,
                order.createdAt(),
                null);
    }
}
