package io.github.ordersync.catalogservice.sales;

import io.github.ordersync.orderrules.OrderSchemas;
import io.github.ordersync.orderrules.StrictJsonConverter;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/** {@code OrderDecided} envelopes as catalog-service writes them to order-outcomes, each for a new order id. */
final class DecidedRecords {

    static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    private static final JsonConverter CONVERTER = StrictJsonConverter.forValues();

    private DecidedRecords() {}

    static byte[] confirmed(String productId, int qty, long unitPrice) {
        return decided(productId, qty, unitPrice, "CONFIRMED", null);
    }

    static byte[] rejected(String productId, int qty, long unitPrice, String reason) {
        return decided(productId, qty, unitPrice, "REJECTED", reason);
    }

    private static byte[] decided(String productId, int qty, long unitPrice, String status, String reason) {
        Struct order = new Struct(OrderSchemas.DECIDED)
                .put("order_id", UUID.randomUUID().toString())
                .put("user_id", "user-1")
                .put("product_id", productId)
                .put("qty", qty)
                .put("unit_price", unitPrice)
                .put("total_price", qty * unitPrice)
                .put("status", status)
                .put("reason", reason)
                .put("created_at", Date.from(AT))
                .put("decided_at", Date.from(AT));
        return CONVERTER.fromConnectData("order-outcomes", OrderSchemas.DECIDED, order);
    }
}
