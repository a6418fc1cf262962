package io.github.ordersync.orderservice.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where placed orders go.
 *
 * @param topic every placed order, as a Kafka Connect envelope keyed by order id
 * @param partitions the topic's partition count when this service has to create it
 * @param acknowledgeTimeout how long a POST waits for the broker's acknowledgement before answering 503
 */
@ConfigurationProperties("orders.events")
record OrderEventsProperties(String topic, int partitions, Duration acknowledgeTimeout) {}
