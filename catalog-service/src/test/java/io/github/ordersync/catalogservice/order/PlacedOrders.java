package io.github.ordersync.catalogservice.order;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/** Order-service's {@code OrderPlaced} envelopes, as this service's tests know them: a contract, not shared code. */
final class PlacedOrders {

    static final Schema ORDER_PLACED = SchemaBuilder.struct()
            .name("io.github.ordersync.OrderPlaced")
            .version(1)
            .field("order_id", Schema.STRING_SCHEMA)
            .field("user_id", Schema.STRING_SCHEMA)
            .field("product_id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("unit_price", Schema.INT64_SCHEMA)
            .field("total_price", Schema.INT64_SCHEMA)
            .field("status", SchemaBuilder.string().defaultValue("PENDING").build())
            .field("created_at", Timestamp.SCHEMA)
            .build();

    static final Instant CREATED = Instant.parse("2026-11-23T10:15:30.123Z");

    private PlacedOrders() {}

    static JsonConverter converter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", true), false);
        return converter;
    }

    static byte[] envelope(UUID orderId, String productId, int qty, String status) {
        return envelope(orderId, productId, qty, 1500L, status);
    }

    static byte[] envelope(UUID orderId, String productId, int qty, long unitPrice, String status) {
        Struct order = new Struct(ORDER_PLACED)
                .put("order_id", orderId.toString())
                .put("user_id", "user-1")
                .put("product_id", productId)
                .put("qty", qty)
                .put("unit_price", unitPrice)
                .put("total_price", qty * unitPrice)
                .put("status", status)
                .put("created_at", Date.from(CREATED));
        return converter().fromConnectData("orders", ORDER_PLACED, order);
    }
}
