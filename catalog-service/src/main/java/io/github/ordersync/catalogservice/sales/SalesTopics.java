package io.github.ordersync.catalogservice.sales;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics the sales topology writes and every instance reads back whole (global tables), so that each instance
 * answers for every product.
 *
 * @param totals per product: confirmed quantity, revenue and rejections since the start (compacted)
 * @param perMinute per product and minute: confirmed quantity and revenue (compacted)
 */
@ConfigurationProperties("catalog.sales.topics")
record SalesTopics(String totals, String perMinute) {}
