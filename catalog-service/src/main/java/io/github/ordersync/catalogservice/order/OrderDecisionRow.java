package io.github.ordersync.catalogservice.order;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A row of {@code order_decisions}: an order this service decided, what it was, and how it was decided. Written once
 * and never changed; {@code decided_at} is a UTC wall-clock value, whatever the zone of the JVM or of the database.
 */
@Entity
@Table(name = "order_decisions")
class OrderDecisionRow implements Persistable<String> {

    @Id
    private String orderId;

    private String productId;
    private int qty;
    private Long unitPrice;

    @Enumerated(EnumType.STRING)
    private Decision.Status status;

    private String reason;
    private LocalDateTime decidedAt;

    /** A new row is inserted at once, without a look for an existing one: the id is the order's, never generated. */
    @Transient
    private boolean isNew;

    /** For JPA. */
    protected OrderDecisionRow() {}

    OrderDecisionRow(OrderDecided decided) {
        OrderPlaced order = decided.order();
        this.orderId = order.orderId().toString();
        this.productId = order.productId();
        this.qty = order.qty();
        this.unitPrice = order.unitPrice();
        this.status = decided.decision().status();
        this.reason = decided.decision().reason();
        this.decidedAt = LocalDateTime.ofInstant(
                Objects.requireNonNull(decided.decision().decidedAt()), ZoneOffset.UTC);
        this.isNew = true;
    }

    UUID orderId() {
        return UUID.fromString(orderId);
    }

    OrderDecisions.Stored stored() {
        return new OrderDecisions.Stored(
                productId, qty, unitPrice, new Decision(status, reason, decidedAt.toInstant(ZoneOffset.UTC)));
    }

    @Override
    public String getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
