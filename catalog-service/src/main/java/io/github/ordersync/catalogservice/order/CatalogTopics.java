package io.github.ordersync.catalogservice.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics catalog-service reads and writes.
 *
 * @param orders order-service's placed orders (read)
 * @param outcomes this service's decisions, one per order (written; the JDBC sink reads it)
 * @param deadLetter orders that cannot be read, with the reason in headers (written)
 * @param partitions partition count of the topics this service creates when they are missing
 */
@ConfigurationProperties("catalog.topics")
public record CatalogTopics(String orders, String outcomes, String deadLetter, int partitions) {}
