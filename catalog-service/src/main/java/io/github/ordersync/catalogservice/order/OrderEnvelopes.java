package io.github.ordersync.catalogservice.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.json.JsonDeserializer;
import org.springframework.stereotype.Component;

/**
 * The one place that knows catalog-service's wire formats: reads order-service's {@code OrderPlaced} envelope
 * and writes the {@code OrderDecided} envelope, both with Kafka Connect's own JsonConverter, which checks every
 * value against the schema in the envelope.
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

    private static final int MAX_ID_LENGTH = 64;

    private final JsonConverter converter = new JsonConverter();
    private final JsonDeserializer json = new JsonDeserializer();

    OrderEnvelopes() {
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true), false);
    }

    /** Reads a PENDING order, or throws {@link UnreadableOrder} saying what is wrong with the record. */
    OrderPlaced read(String topic, byte[] value) {
        if (value == null) {
            throw new UnreadableOrder("Record has no value");
        }
        SchemaAndValue data;
        try {
            data = converter.toConnectData(topic, value);
        } catch (DataException e) {
            throw new UnreadableOrder("Not a Kafka Connect JSON envelope", e);
        }
        if (!(data.value() instanceof Struct order)) {
            throw new UnreadableOrder("Envelope payload is not an order");
        }
        requireValuesOfTheDeclaredTypes(topic, value, data);
        try {
            String status = order.schema().field("status") == null ? "PENDING" : order.getString("status");
            if (!"PENDING".equals(status)) {
                throw new UnreadableOrder("Order status is '" + status + "', expected PENDING");
            }
            int qty = required(order.getInt32("qty"), "qty");
            if (qty < 1) {
                throw new UnreadableOrder("qty must be positive, was " + qty);
            }
            return new OrderPlaced(
                    UUID.fromString(required(order.getString("order_id"), "order_id")),
                    id(order.getString("user_id"), "user_id"),
                    id(order.getString("product_id"), "product_id"),
                    qty,
                    required(order.getInt64("unit_price"), "unit_price"),
                    required(order.getInt64("total_price"), "total_price"),
                    instant(order.get("created_at")));
        } catch (DataException | IllegalArgumentException e) {
            throw new UnreadableOrder("Order fields do not match OrderPlaced", e);
        }
    }

    /**
     * JsonConverter coerces a value of the wrong JSON type ({@code "qty":"abc"} under an int32 schema) to 0
     * instead of failing. Writing the converted data back must give the payload we read, field by field.
     */
    private void requireValuesOfTheDeclaredTypes(String topic, byte[] value, SchemaAndValue data) {
        JsonNode received = json.deserialize(topic, value).path("payload");
        JsonNode converted = json.deserialize(topic, converter.fromConnectData(topic, data.schema(), data.value()))
                .path("payload");
        received.fieldNames().forEachRemaining(field -> {
            if (!received.get(field).equals(converted.get(field))) {
                throw new UnreadableOrder("Payload field '" + field + "' does not have the type its schema declares");
            }
        });
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

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new UnreadableOrder(field + " is missing");
        }
        return value;
    }

    private static String id(String value, String field) {
        required(value, field);
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new UnreadableOrder(field + " must be 1-" + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new UnreadableOrder("created_at is not a Kafka Connect Timestamp");
    }
}
