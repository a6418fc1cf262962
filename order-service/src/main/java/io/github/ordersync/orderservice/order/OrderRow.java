package io.github.ordersync.orderservice.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of the shared orders table, as the JDBC sink connector wrote it; this service never writes one. Times are
 * UTC wall-clock values ({@code DATETIME(3)}, the sink's {@code use.time.zone=UTC}): mapped as they are stored and
 * read as UTC, whatever this JVM's zone.
 */
@Entity
@Immutable
@Table(name = "orders")
class OrderRow {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "product_id")
    private String productId;

    @Column(name = "qty")
    private int qty;

    @Column(name = "unit_price")
    private long unitPrice;

    @Column(name = "total_price")
    private long totalPrice;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private OrderStatus status;

    @Column(name = "reason")
    private String reason;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    /** For JPA. */
    protected OrderRow() {}

    OrderView view() {
        return new OrderView(
                UUID.fromString(orderId),
                userId,
                productId,
                qty,
                unitPrice,
                totalPrice,
                status,
                reason,
                utc(createdAt),
                utc(decidedAt));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
