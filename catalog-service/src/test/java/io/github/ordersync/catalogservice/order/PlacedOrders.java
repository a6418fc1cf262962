package io.github.ordersync.catalogservice.order;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/** OrderPlaced events as order-service writes them, as this service's tests know them: a contract, not shared code. */
final class PlacedOrders {

    static final Schema SCHEMA = SchemaBuilder.struct()
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

    private static final JsonConverter CONVERTER = new JsonConverter();

    static {
        CONVERTER.configure(Map.of("schemas.enable", true), false);
    }

    private PlacedOrders() {}

    /** A pending order of user-1 at a unit price of 1,000, as the record value on the orders topic. */
    static byte[] pending(UUID orderId, String productId, int qty) {
        Struct order = new Struct(SCHEMA)
                .put("order_id", orderId.toString())
                .put("user_id", "user-1")
                .put("product_id", productId)
                .put("qty", qty)
                .put("unit_price", 1000L)
                .put("total_price", qty * 1000L)
                .put("status", "PENDING")
                .put("created_at", new Date());
        return CONVERTER.fromConnectData("orders", SCHEMA, order);
    }
}
