package io.github.ordersync.catalogservice.order;

import io.github.ordersync.orderrules.RecordFormat;
import org.apache.kafka.connect.storage.Converter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The format of the order records this service reads and writes, as order-service and the connectors are configured.
 *
 * @param format {@code envelope} (default) or {@code avro}
 * @param registryUrl the schema registry's v2 API, for {@code avro}
 */
@ConfigurationProperties("catalog.records")
public record RecordsProperties(RecordFormat format, String registryUrl) {

    /** The default: the JSON envelope, no registry. */
    public static final RecordsProperties ENVELOPE = new RecordsProperties(RecordFormat.ENVELOPE, null);

    /** A value converter for the format, configured. */
    public Converter valueConverter() {
        return format.valueConverter(registryUrl);
    }
}
