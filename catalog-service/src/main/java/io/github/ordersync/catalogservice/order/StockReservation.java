package io.github.ordersync.catalogservice.order;

import io.github.ordersync.catalogservice.catalog.Products;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides an order exactly once: the stock change and the record of the decision commit together, so a
 * redelivered order finds its decision and changes nothing.
 */
@Service
class StockReservation {

    private final Products products;
    private final OrderDecisions decisions;
    private final MeterRegistry metrics;

    StockReservation(Products products, OrderDecisions decisions, MeterRegistry metrics) {
        this.products = products;
        this.decisions = decisions;
        this.metrics = metrics;
    }

    @Transactional
    OrderDecided decide(OrderPlaced order) {
        Decision decision = decisions.find(order.orderId()).orElseGet(() -> {
            Decision fresh = reserve(order);
            decisions.insert(order, fresh);
            decided(fresh.status()).increment();
            return fresh;
        });
        return new OrderDecided(order, decision);
    }

    private Decision reserve(OrderPlaced order) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (products.reserve(order.productId(), order.qty())) {
            return Decision.confirmed(now);
        }
        if (!products.exists(order.productId())) {
            return Decision.rejected("Unknown product " + order.productId(), now);
        }
        return Decision.rejected(
                "Insufficient stock for " + order.productId() + ": " + order.qty() + " requested", now);
    }

    /** {@code orders.decided{status=CONFIRMED|REJECTED}}: each order counted once, redeliveries not at all. */
    private Counter decided(Decision.Status status) {
        return Counter.builder("orders.decided")
                .description("Orders decided by catalog-service")
                .tag("status", status.name())
                .register(metrics);
    }
}
