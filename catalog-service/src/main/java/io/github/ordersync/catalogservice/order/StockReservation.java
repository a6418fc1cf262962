package io.github.ordersync.catalogservice.order;

import io.github.ordersync.catalogservice.catalog.Products;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides each order exactly once: the stock changes and the records of the decisions of a whole batch commit
 * together, so a redelivered order finds its decision and changes nothing.
 */
@Service
class StockReservation {

    private final Products products;
    private final OrderDecisions decisions;

    StockReservation(Products products, OrderDecisions decisions) {
        this.products = products;
        this.decisions = decisions;
    }

    /**
     * Decides the orders in one transaction. Each product's orders are reserved in the order they came, the
     * products one after another in a fixed order, so that two batches never wait on each other's row locks in
     * a cycle.
     *
     * @return one decision per order, in the order given; an order that appears twice gets the same decision
     */
    @Transactional
    List<OrderDecided> decide(List<OrderPlaced> orders) {
        Map<UUID, Decision> decided = new HashMap<>(
                decisions.find(orders.stream().map(OrderPlaced::orderId).toList()));
        List<OrderDecided> fresh = new ArrayList<>();
        List<OrderPlaced> byProduct = new ArrayList<>(orders);
        byProduct.sort(Comparator.comparing(OrderPlaced::productId));
        for (OrderPlaced order : byProduct) {
            if (!decided.containsKey(order.orderId())) {
                Decision decision = reserve(order);
                decided.put(order.orderId(), decision);
                fresh.add(new OrderDecided(order, decision));
            }
        }
        if (!fresh.isEmpty()) {
            decisions.insert(fresh);
        }
        return orders.stream()
                .map(order -> new OrderDecided(order, decided.get(order.orderId())))
                .toList();
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
}
