package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderrules.OrderSchemas;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Writes {@link OrderPlaced} as the {@code {"schema":...,"payload":...}} envelope that Kafka Connect's
 * JsonConverter (schemas enabled) reads, by letting that same JsonConverter write it. The one place that knows
 * the event's wire format; configured as the producer's value serializer.
 */
public class OrderPlacedSerializer implements Serializer<OrderPlaced> {

    /** The order record's schema, shared with its readers: see {@link OrderSchemas}. */
    static final Schema SCHEMA = OrderSchemas.PLACED;

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
        return OrderSchemas.order(SCHEMA, order).put("status", order.status().name());
    }

    @Override
    public void close() {
        converter.close();
    }
}
