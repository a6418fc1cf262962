package io.github.ordersync.orderservice.config;

import io.github.ordersync.orderrules.RecordFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The format of the records this service writes and reads; the producer's serializer reads the same two values from
 * its properties (application.yml).
 *
 * @param format {@code envelope} (default) or {@code avro}, as the connectors and catalog-service are configured
 * @param registryUrl the schema registry's v2 API, for {@code avro}
 */
@ConfigurationProperties("orders.records")
public record RecordsProperties(RecordFormat format, String registryUrl) {}
