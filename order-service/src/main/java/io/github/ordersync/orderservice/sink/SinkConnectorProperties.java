package io.github.ordersync.orderservice.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the JDBC sink connector that writes the shared orders table runs.
 *
 * @param connectUrl Kafka Connect's REST API
 * @param connector the sink connector's name
 * @param timeout how long a health check waits for Connect's answer
 */
@ConfigurationProperties("orders.sink")
record SinkConnectorProperties(String connectUrl, String connector, Duration timeout) {}
