package io.github.ordersync.catalogservice.order;

import io.github.ordersync.orderrules.OrderContent;
import java.time.Instant;
import java.util.UUID;

/** catalog-service's own view of order-service's event: the fields it needs, read from the envelope. */
record OrderPlaced(
        UUID orderId, String userId, String productId, int qty, long unitPrice, long totalPrice, Instant createdAt)
        implements OrderContent {}
