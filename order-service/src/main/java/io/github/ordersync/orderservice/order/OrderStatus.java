package io.github.ordersync.orderservice.order;

/** PENDING until catalog-service decides; the decision is final. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED
}
