package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderrules.OrderContent;
import java.time.Instant;
import java.util.UUID;

/**
 * An order was placed and is waiting for the catalog to reserve its stock. The order id doubles as the event
 * id: there is exactly one OrderPlaced per order, and consumers deduplicate on it.
 */
public record OrderPlaced(
        UUID orderId,
        String userId,
        String productId,
        int qty,
        long unitPrice,
        long totalPrice,
        OrderStatus status,
        Instant createdAt)
        implements OrderContent {}
