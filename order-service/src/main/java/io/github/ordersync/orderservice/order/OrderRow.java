package io.github.ordersync.orderservice.order;

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
 * read as UTC, whatever this JVM's zone. Column names follow from the field names (Spring Boot's snake_case naming).
 */
@Entity
@Immutable
@Table(name = "orders")
class OrderRow {

    @Id
    private String orderId;

    private String userId;
    private String productId;
    private int qty;
    private long unitPrice;
    private long totalPrice;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String reason;
    private LocalDateTime createdAt;
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
