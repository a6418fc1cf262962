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
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides each order exactly once: the stock changes and the records of the decisions of a whole batch commit
 * together, so a redelivered order finds its decision and changes nothing. The catalog is the authority for
 * price: an order at another price than the product's is rejected, its stock untouched.
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
     * An order whose id was decided, or appears earlier in the batch, with other content. Thrown before anything
     * is written; the orders before {@link #index} can be decided without it.
     */
    static final class Contradiction extends RefusedOrder {

        final int index;

        Contradiction(int index, String reason) {
            super(reason);
            this.index = index;
        }
    }

    /**
     * Decides the orders in one transaction, with one batch of conditional updates. Each product's orders are
     * reserved in the order they came, the products one after another in a fixed order, so that two batches never
     * wait on each other's row locks in a cycle.
     *
     * @return one decision per order, in the order given; an order that appears twice gets the same decision
     * @throws Contradiction if an order contradicts a decided one, before anything is written
     */
    @Transactional
    List<OrderDecided> decide(List<OrderPlaced> orders) {
        Map<UUID, OrderDecisions.Stored> stored =
                decisions.find(orders.stream().map(OrderPlaced::orderId).toList());
        Map<UUID, OrderPlaced> undecided = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderPlaced order = orders.get(i);
            OrderDecisions.Stored decided = stored.get(order.orderId());
            Optional<String> contradiction = Optional.empty();
            if (decided != null) {
                contradiction = decided.contradiction(order);
            } else {
                OrderPlaced first = undecided.putIfAbsent(order.orderId(), order);
                if (first != null) {
                    contradiction =
                            OrderDecisions.contradiction(first.productId(), first.qty(), first.unitPrice(), order);
                }
            }
            if (contradiction.isPresent()) {
                throw new Contradiction(i, contradiction.get());
            }
        }
        Map<UUID, Decision> decisionOf = new HashMap<>();
        stored.forEach((id, one) -> decisionOf.put(id, one.decision()));
        if (!undecided.isEmpty()) {
            List<OrderDecided> fresh = reserve(undecided.values().stream()
                    .sorted(Comparator.comparing(OrderPlaced::productId))
                    .toList());
            fresh.forEach(one -> decisionOf.put(one.order().orderId(), one.decision()));
            decisions.insert(fresh);
        }
        return orders.stream()
                .map(order -> new OrderDecided(order, decisionOf.get(order.orderId())))
                .toList();
    }

    /** Rejects unknown products and other prices at once; reserves stock for the rest in one batch. */
    private List<OrderDecided> reserve(List<OrderPlaced> orders) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Long> prices = products.prices(
                orders.stream().map(OrderPlaced::productId).distinct().toList());
        Decision[] outcome = new Decision[orders.size()];
        List<Integer> toReserve = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderPlaced order = orders.get(i);
            Long price = prices.get(order.productId());
            if (price == null) {
                outcome[i] = Decision.rejected("Unknown product " + order.productId(), now);
            } else if (price != order.unitPrice()) {
                outcome[i] = Decision.rejected(
                        "Price of " + order.productId() + " is " + price + ", the order says " + order.unitPrice(),
                        now);
            } else {
                toReserve.add(i);
            }
        }
        boolean[] reserved = products.reserve(toReserve.stream()
                .map(i -> new Products.Request(
                        orders.get(i).productId(), orders.get(i).qty()))
                .toList());
        for (int r = 0; r < reserved.length; r++) {
            OrderPlaced order = orders.get(toReserve.get(r));
            outcome[toReserve.get(r)] = reserved[r]
                    ? Decision.confirmed(now)
                    : Decision.rejected(
                            "Insufficient stock for " + order.productId() + ": " + order.qty() + " requested", now);
        }
        List<OrderDecided> decided = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            decided.add(new OrderDecided(orders.get(i), outcome[i]));
        }
        return decided;
    }
}
