package io.github.ordersync.orderrules;

import java.time.Instant;
import java.util.UUID;

/**
 * What every order record says, whoever writes it: each service's own order type implements it, and
 * {@link OrderSchemas#order} puts it into a record of either schema.
 */
public interface OrderContent {

    UUID orderId();

    String userId();

    String productId();

    int qty();

    long unitPrice();

    long totalPrice();

    Instant createdAt();
}
