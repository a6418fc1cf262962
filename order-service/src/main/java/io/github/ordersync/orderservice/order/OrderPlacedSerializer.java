package io.github.ordersync.orderservice.order;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Writes {@link OrderPlaced} as the {@code {"schema":...,"payload":...}} envelope that Kafka Connect's
 * JsonConverter (schemas enabled) reads, by letting that same JsonConverter write it. The one place that knows
 * the event's wire format; configured as the producer's value serializer.
 */
public class OrderPlacedSerializer implements Serializer<OrderPlaced> {

    /**
     * Field names are the shared table's column names. Fields added later must be optional or carry a default,
     * so that consumers reading with the old schema keep working.
     */
    static final Schema SCHEMA = SchemaBuilder.struct()
            .name("io.github.ordersync.OrderPlaced")
            .version(1)
            .field("order_id", Schema.STRING_SCHEMA)
            .field("user_id", Schema.STRING_SCHEMA)
            .field("product_id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("unit_price", Schema.INT64_SCHEMA)
            .field("total_price", Schema.INT64_SCHEMA)
            .field(
                    "status",
                    SchemaBuilder.string()
                            .defaultValue(OrderStatus.PENDING.name())
                            .build())
            .field("created_at", Timestamp.SCHEMA)
            .build();

    private final JsonConverter converter = new JsonConverter();

    public OrderPlacedSerializer() {
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true), false);
    }

    @Override
    public byte[] serialize(String topic, OrderPlaced order) {
        if (order == null) {
            return null;
        }
        return converter.fromConnectData(topic, SCHEMA, toStruct(order));
    }

    static Struct toStruct(OrderPlaced order) {
        return new Struct(SCHEMA)
                .put("order_id", order.orderId().toString())
                .put("user_id", order.userId())
                .put("product_id", order.productId())
                .put("qty", order.qty())
                .put("unit_price", order.unitPrice())
                .put("total_price", order.totalPrice())
                .put("status", order.status().name())
                .put("created_at", Date.from(order.createdAt()));
    }

    @Override
    public void close() {
        converter.close();
    }
}
