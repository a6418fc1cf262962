package io.github.ordersync.catalogservice.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The order_decisions table, through its Spring Data repository: which orders this service has decided, what they
 * were, and how they were decided.
 */
@Component
class OrderDecisions {

    private final OrderDecisionRepository rows;

    OrderDecisions(OrderDecisionRepository rows) {
        this.rows = rows;
    }

    /** A decided order as stored: what was ordered and the decision. */
    record Stored(String productId, int qty, Long unitPrice, Decision decision) {

        /** Why {@code order}, arriving under this order's id, is not the order decided, or empty if it is. */
        Optional<String> contradiction(OrderPlaced order) {
            return OrderDecisions.contradiction(productId, qty, unitPrice, order);
        }
    }

    /**
     * Why {@code order} is not the order already known under its id (product, quantity and, where known, price), or
     * empty if it is. The time may differ: a retry with the same Idempotency-Key is the same order placed later.
     */
    static Optional<String> contradiction(String productId, int qty, Long unitPrice, OrderPlaced order) {
        boolean same = productId.equals(order.productId())
                && qty == order.qty()
                && (unitPrice == null || unitPrice == order.unitPrice());
        if (same) {
            return Optional.empty();
        }
        return Optional.of("Order " + order.orderId() + " contradicts its decision: decided for " + qty + " x "
                + productId + (unitPrice == null ? "" : " at " + unitPrice) + ", this record says " + order.qty()
                + " x " + order.productId() + " at " + order.unitPrice());
    }

    /** The stored decisions among {@code orderIds}, by order id. */
    Map<UUID, Stored> find(Collection<UUID> orderIds) {
        return rows.findAllById(orderIds.stream().map(UUID::toString).toList()).stream()
                .collect(Collectors.toMap(OrderDecisionRow::orderId, OrderDecisionRow::stored));
    }

    /** Fails with a duplicate key if another consumer decided one of the orders concurrently. */
    void insert(List<OrderDecided> decided) {
        rows.saveAllAndFlush(decided.stream().map(OrderDecisionRow::new).toList());
    }
}
