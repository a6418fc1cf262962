package io.github.ordersync.catalogservice.order;

import io.github.ordersync.orderrules.OrderRecordRules;
import io.github.ordersync.orderrules.StrictJsonConverter;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.springframework.stereotype.Component;

/**
 * The one place that knows catalog-service's wire formats: reads order-service's {@code OrderPlaced} envelope
 * and writes the {@code OrderDecided} envelope, both with Kafka Connect's own JsonConverter (strict about JSON
 * types), and accepts exactly the records the shared order rules accept.
 */
@Component
class OrderEnvelopes {

    /** Field names are the shared table's column names; the JDBC sink writes the decision into the order's row. */
    static final Schema ORDER_DECIDED = SchemaBuilder.struct()
            .name("io.github.ordersync.OrderDecided")
            .version(1)
            .field("order_id", Schema.STRING_SCHEMA)
            .field("user_id", Schema.STRING_SCHEMA)
            .field("product_id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("unit_price", Schema.INT64_SCHEMA)
            .field("total_price", Schema.INT64_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .field("decided_at", Timestamp.SCHEMA)
            .build();

    private final JsonConverter converter = StrictJsonConverter.forValues();

    /**
     * Reads a placed order, or throws {@link RefusedOrder} with the reason the shared order rules give, the same
     * reason for which the JDBC sink dead-letters the record.
     */
    OrderPlaced read(String topic, byte[] value) {
        Object data;
        try {
            data = converter.toConnectData(topic, value).value();
        } catch (DataException e) {
            throw new RefusedOrder(e.getMessage());
        }
        OrderRecordRules.violation(data, OrderRecordRules.Kind.PLACED).ifPresent(reason -> {
            throw new RefusedOrder(reason);
        });
        Struct order = (Struct) data;
        return new OrderPlaced(
                UUID.fromString(order.getString("order_id")),
                order.getString("user_id"),
                order.getString("product_id"),
                order.getInt32("qty"),
                order.getInt64("unit_price"),
                order.getInt64("total_price"),
                ((Date) order.get("created_at")).toInstant());
    }

    byte[] write(String topic, OrderDecided decided) {
        OrderPlaced order = decided.order();
        Struct struct = new Struct(ORDER_DECIDED)
                .put("order_id", order.orderId().toString())
                .put("user_id", order.userId())
                .put("product_id", order.productId())
                .put("qty", order.qty())
                .put("unit_price", order.unitPrice())
                .put("total_price", order.totalPrice())
                .put("status", decided.decision().status().name())
                .put("reason", decided.decision().reason())
                .put("created_at", Date.from(order.createdAt()))
                .put("decided_at", Date.from(decided.decision().decidedAt()));
        return converter.fromConnectData(topic, ORDER_DECIDED, struct);
    }
}
