package io.github.ordersync.orderrules;

import io.apicurio.registry.utils.converter.AvroConverter;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.storage.Converter;

/**
 * How the records of the order topics are written: the same records, the same topics, either format. Both services
 * and both connectors are switched together, by configuration ({@code RECORD_FORMAT}); a topic holds one format.
 */
public enum RecordFormat {

    /** The {@code {"schema":...,"payload":...}} envelope of Kafka Connect's JsonConverter: the default. */
    ENVELOPE,

    /**
     * Avro, its schema kept once in a schema registry (Apicurio Registry, its v2 API): a record carries a magic byte
     * and the 8-byte global id of its schema, then the Avro binary. A writer registers its schema on first use and
     * the registry's compatibility rule may refuse it.
     */
    AVRO;

    /** As configured ({@code RECORD_FORMAT}): {@code envelope} or {@code avro}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code envelope} or {@code avro}, in any case; blank means the default, {@link #ENVELOPE}. */
    public static RecordFormat of(String name) {
        if (name == null || name.isBlank()) {
            return ENVELOPE;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown record format '" + name + "': envelope or avro");
        }
    }

    /**
     * A converter for record values in this format, configured: {@link StrictJsonConverter} for the envelope (the one
     * the JDBC sink uses), Apicurio's {@code AvroConverter} for Avro.
     *
     * @param registryUrl the registry's v2 API, {@code http://host:port/apis/registry/v2}; used by {@link #AVRO} only
     */
    public Converter valueConverter(String registryUrl) {
        return switch (this) {
            case ENVELOPE -> StrictJsonConverter.forValues();
            case AVRO -> {
                if (registryUrl == null || registryUrl.isBlank()) {
                    throw new IllegalArgumentException("The avro record format needs the schema registry's URL");
                }
                AvroConverter converter = new AvroConverter();
                converter.configure(registryConfig(registryUrl), false);
                yield converter;
            }
        };
    }

    /**
     * What Apicurio's serdes and converter need: where the registry is; that a writer registers its schema (a new
     * version of the topic's artifact, checked by the registry's rule) instead of failing when it is not there yet; and
     * that the schema's id goes in the value, never in a header, so a record reads the same with or without its
     * headers (Connect hands them to the converter, a plain consumer may not; connect-config/avro/ says the same).
     */
    public static Map<String, Object> registryConfig(String registryUrl) {
        return Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", true,
                "apicurio.registry.headers.enabled", false);
    }
}
