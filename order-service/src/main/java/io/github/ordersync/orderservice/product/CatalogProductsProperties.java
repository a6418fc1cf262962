package io.github.ordersync.orderservice.product;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog's changes arrive ({@code catalog-products}, written by the catalog-source connector) and how long
 * a starting instance waits to learn how far that topic reaches.
 */
@ConfigurationProperties("orders.products")
record CatalogProductsProperties(String topic, Duration lookupTimeout) {}
