package io.github.ordersync.catalogservice.order;

import io.github.ordersync.catalogservice.catalog.Products;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * Decides the orders in one transaction, with one batch of conditional updates. Each product's orders are
     * reserved in the order they came, the products one after another in a fixed order, so that two batches never
     * wait on each other's row locks in a cycle.
     *
     * @return one decision per order, in the order given; an order that appears twice gets the same decision
     */
    @Transactional
    List<OrderDecided> decide(List<OrderPlaced> orders) {
        Map<UUID, Decision> decided = new HashMap<>(
                decisions.find(orders.stream().map(OrderPlaced::orderId).toList()));
        Map<UUID, OrderPlaced> undecided = new LinkedHashMap<>();
        orders.stream()
                .sorted(Comparator.comparing(OrderPlaced::productId))
                .filter(order -> !decided.containsKey(order.orderId()))
                .forEach(order -> undecided.putIfAbsent(order.orderId(), order));
        if (!undecided.isEmpty()) {
            List<OrderDecided> fresh = reserve(List.copyOf(undecided.values()));
            fresh.forEach(one -> decided.put(one.order().orderId(), one.decision()));
            decisions.insert(fresh);
        }
        return orders.stream()
                .map(order -> new OrderDecided(order, decided.get(order.orderId())))
                .toList();
    }

    private List<OrderDecided> reserve(List<OrderPlaced> orders) {
        boolean[] reserved = products.reserve(orders.stream()
                .map(order -> new Products.Request(order.productId(), order.qty()))
                .toList());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<OrderDecided> decided = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            OrderPlaced order = orders.get(i);
            decided.add(new OrderDecided(order, reserved[i] ? Decision.confirmed(now) : rejected(order, now)));
        }
        return decided;
    }

    private Decision rejected(OrderPlaced order, Instant now) {
        if (!products.exists(order.productId())) {
            return Decision.rejected("Unknown product " + order.productId(), now);
        }
        return Decision.rejected(
                "Insufficient stock for " + order.productId() + ": " + order.qty() + " requested", now);
    }
}
