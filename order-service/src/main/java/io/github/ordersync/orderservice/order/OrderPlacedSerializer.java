package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderrules.OrderSchemas;
import io.github.ordersync.orderrules.RecordFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;

/**
 * Writes {@link OrderPlaced} in the configured {@link RecordFormat}: by default the
 * {@code {"schema":...,"payload":...}} envelope that Kafka Connect's JsonConverter (schemas enabled) reads, written by
 * that same converter; in registry mode Avro, written by Apicurio's Connect converter, which registers the schema.
 * The one place that knows the event's wire format; configured as the producer's value serializer, reading its
 * format from the producer's properties ({@value #FORMAT} and Apicurio's {@code apicurio.registry.url}).
 */
public class OrderPlacedSerializer implements Serializer<OrderPlaced> {

    /** The producer property that names the format: {@code envelope} (default) or {@code avro}. */
    public static final String FORMAT = "orders.record-format";

    /** The order record's schema, shared with its readers: see {@link OrderSchemas}. */
    static final Schema SCHEMA = OrderSchemas.PLACED;

    private RecordFormat format = RecordFormat.ENVELOPE;
    private Converter converter = format.valueConverter(null);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object registryUrl = configs.get("apicurio.registry.url");
        format = RecordFormat.of((String) configs.get(FORMAT));
        converter = format.valueConverter(registryUrl == null ? null : registryUrl.toString());
    }

    @Override
    public byte[] serialize(String topic, OrderPlaced order) {
        if (order == null) {
            return null;
        }
        try {
            return converter.fromConnectData(topic, SCHEMA, toStruct(order));
        } catch (RuntimeException e) {
            // Avro: the registry refused the schema (its rule) or could not be reached; the message says which
            throw new SerializationException(
                    "The order's event cannot be written as " + format.setting() + ": " + e.getMessage(), e);
        }
    }

    static Struct toStruct(OrderPlaced order) {
        return OrderSchemas.order(SCHEMA, order).put("status", order.status().name());
    }

    @Override
    public void close() {
        try {
            converter.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the order converter failed", e);
        }
    }
}
