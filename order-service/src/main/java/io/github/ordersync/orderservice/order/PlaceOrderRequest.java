package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderrules.Ids;
import io.github.ordersync.orderrules.OrderRecordRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /order-service/{userId}/orders}. The bounds make every total fit comfortably in a
 * BIGINT: at most 1,000 items of at most 100,000,000 each.
 */
record PlaceOrderRequest(
        @NotNull @Pattern(regexp = Ids.PRODUCT_ID_PATTERN, message = Ids.PRODUCT_ID_MESSAGE)
        String productId,

        @NotNull @Min(1) @Max(MAX_QTY) Integer qty,

        @NotNull @Min(1) @Max(OrderRecordRules.MAX_UNIT_PRICE)
        Long unitPrice) {

    static final int MAX_QTY = 1_000;
}
