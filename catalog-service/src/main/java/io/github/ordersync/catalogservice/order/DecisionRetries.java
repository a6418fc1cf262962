package io.github.ordersync.catalogservice.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Makes an order that waits for its decision visible: a log line naming the order at every attempt, the metric
 * {@code orders.decision.retries{exception}}, and the health component {@code decisionRetries}, DOWN while a
 * partition is held up by an order that is being retried.
 */
@Component
class DecisionRetries implements RetryListener, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DecisionRetries.class);

    private final MeterRegistry metrics;
    private final Map<TopicPartition, Retry> retrying = new ConcurrentHashMap<>();

    DecisionRetries(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** The order a partition waits on. Exception class only: messages can name hosts and users. */
    record Retry(String orderId, long offset, int attempts, Instant since, String exception) {}

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Throwable cause = cause(failure);
        if (cause instanceof RefusedOrder) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String orderId = String.valueOf(record.key());
        retrying.merge(
                partition,
                new Retry(
                        orderId,
                        record.offset(),
                        1,
                        Instant.now(),
                        cause.getClass().getName()),
                (earlier, now) -> earlier.offset() == now.offset()
                        ? new Retry(orderId, now.offset(), earlier.attempts() + 1, earlier.since(), now.exception())
                        : now);
        Counter.builder("orders.decision.retries")
                .description("Attempts to decide an order that failed and are retried")
                .tag("exception", cause.getClass().getSimpleName())
                .register(metrics)
                .increment();
        log.warn(
                "Order {} ({}@{}) not decided at attempt {}, retrying: {}",
                orderId,
                partition,
                record.offset(),
                deliveryAttempt,
                failure.getMessage());
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        log.warn(
                "Record {}-{}@{} (key {}) dead-lettered: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                cause(failure).getMessage());
    }

    /** The partitions of a batch that was decided completely are no longer held up. */
    void succeeded(List<? extends ConsumerRecord<?, ?>> records) {
        if (!retrying.isEmpty()) {
            records.forEach(record -> retrying.remove(new TopicPartition(record.topic(), record.partition())));
        }
    }

    @Override
    public Health health() {
        if (retrying.isEmpty()) {
            return Health.up().build();
        }
        return Health.down().withDetail("retrying", Map.copyOf(retrying)).build();
    }

    private static Throwable cause(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && (cause instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                        || cause instanceof org.springframework.kafka.listener.BatchListenerFailedException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
