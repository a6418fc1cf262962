package io.github.ordersync.orderrules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonDeserializer;

/**
 * Kafka Connect's JsonConverter, refusing values of the wrong JSON type instead of coercing them. JsonConverter
 * reads {@code "qty":"abc"} under an int32 schema as 0 and {@code "qty":5.7} as 5; here the converted value is
 * written back and must give the payload received, field by field, or a {@link DataException} names the field.
 * catalog-service reads orders with it and the JDBC sink uses it as its value converter, so both refuse alike.
 */
public class StrictJsonConverter extends JsonConverter {

    private final JsonDeserializer json = new JsonDeserializer();

    /** A converter for values with schemas enabled, as both consumers of the order topics read them. */
    public static StrictJsonConverter forValues() {
        StrictJsonConverter converter = new StrictJsonConverter();
        converter.configure(Map.of("schemas.enable", true), false);
        return converter;
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        SchemaAndValue data;
        try {
            data = super.toConnectData(topic, value);
        } catch (DataException e) {
            throw new DataException("Not a Kafka Connect JSON envelope: " + firstLine(e), e);
        }
        if (value == null || data.value() == null) {
            return data;
        }
        JsonNode received = json.deserialize(topic, value).path("payload");
        JsonNode converted = json.deserialize(topic, fromConnectData(topic, data.schema(), data.value()))
                .path("payload");
        for (Iterator<String> fields = received.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!received.get(field).equals(converted.get(field))) {
                throw new DataException("Payload field '" + field + "' does not have the type its schema declares");
            }
        }
        return data;
    }

    /** JsonConverter's own message, or its cause's when it has none worth reading ("...error: "). */
    private static String firstLine(DataException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if ((message.isEmpty() || message.endsWith(":"))
                && e.getCause() != null
                && e.getCause().getMessage() != null) {
            message = e.getCause().getMessage().strip();
        }
        return message.lines().findFirst().orElse("");
    }
}
