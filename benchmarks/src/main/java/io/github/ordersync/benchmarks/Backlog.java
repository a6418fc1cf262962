package io.github.ordersync.benchmarks;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.orderservice.order.OrderPlaced;
import io.github.ordersync.orderservice.order.OrderPlacedSerializer;
import io.github.ordersync.orderservice.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog of placed orders, written by order-service's own serializer into a topic of their own, for the sink
 * and catalog-service to drain; and the measurement of such a drain.
 */
final class Backlog {

    /** Counting rows scans them: polled often enough for a few per cent of precision, rarely enough to stay light. */
    private static final Duration DRAIN_POLL = Duration.ofMillis(100);

    private Backlog() {}

    /** A placed order as order-service writes it, for {@code productId}. */
    static OrderPlaced order(String productId, long n) {
        return new OrderPlaced(
                UUID.randomUUID(),
                "bench-user-" + (n % 100),
                productId,
                1,
                1000,
                1000,
                OrderStatus.PENDING,
                Instant.now());
    }

    /** The size in bytes of one order event on the wire, as the real serializer writes it. */
    static int eventSize() {
        try (OrderPlacedSerializer serializer = new OrderPlacedSerializer()) {
            return serializer.serialize(LocalStack.ORDERS_TOPIC, order("CATALOG-001", 1)).length;
        }
    }

    static void createTopic(String bootstrapServers, String topic, int partitions)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }

    /** Writes {@code count} orders for {@code productId} into {@code topic}, keyed by order id as order-service does. */
    static void produce(String bootstrapServers, String topic, String productId, int count) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                131_072);
        try (KafkaProducer<String, OrderPlaced> producer =
                new KafkaProducer<>(config, new StringSerializer(), new OrderPlacedSerializer())) {
            for (int n = 0; n < count; n++) {
                OrderPlaced order = order(productId, n);
                producer.send(new ProducerRecord<>(topic, order.orderId().toString(), order));
            }
            producer.flush();
        }
    }

    /** How fast a count went from its first change to {@code target}. */
    record Drain(long rows, double seconds) {

        double perSecond() {
            return rows / seconds;
        }
    }

    /**
     * Polls {@code count} until it reaches {@code target}; the rate is measured from the first poll that saw a
     * change, so the consumer's start-up is not counted.
     */
    static Drain await(LongSupplier count, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long initial = count.getAsLong();
        long firstSeen = 0;
        long startCount = initial;
        long current = initial;
        while (current < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Drain stuck at " + current + " of " + target + " after " + timeout);
            }
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
            current = count.getAsLong();
            if (firstSeen == 0 && current > initial) {
                firstSeen = System.nanoTime();
                startCount = current;
            }
        }
        return new Drain(current - startCount, (System.nanoTime() - firstSeen) / 1e9);
    }
}
