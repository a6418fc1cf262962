package io.github.ordersync.benchmarks;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.orderrules.RecordFormat;
import io.github.ordersync.orderservice.order.OrderPlaced;
import io.github.ordersync.orderservice.order.OrderPlacedSerializer;
import io.github.ordersync.orderservice.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
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
 * A backlog of placed orders, written by order-service's own serializer into a topic of its own, for the sink and
 * catalog-service to drain. Its order ids are consecutive ({@code 0000000b-0000-4000-8000-<n>}), so the rows of a
 * backlog are one range of the primary key: counted by a range scan, not by scanning the table.
 *
 * @param index which backlog: its ids' first group
 * @param topic where it is written
 * @param products the product of order n
 * @param size how many orders
 * @param format the record format it is written in
 * @param registryUrl the schema registry's v2 API, for Avro
 */
record Backlog(
        int index,
        String topic,
        LoadGenerator.ProductChoice products,
        int size,
        RecordFormat format,
        String registryUrl) {

    /** Counts rows at this interval: a range count of up to 100,000 rows takes a few ms. */
    private static final Duration DRAIN_POLL = Duration.ofMillis(200);

    private static final Duration LEADERS_WITHIN = Duration.ofSeconds(30);

    static UUID orderId(int backlog, long n) {
        return new UUID(((long) backlog << 32) | 0x4000L, 0x8000_0000_0000_0000L | n);
    }

    String firstId() {
        return orderId(index, 0).toString();
    }

    String lastId() {
        return orderId(index, size - 1).toString();
    }

    /** A placed order as order-service writes it. */
    static OrderPlaced order(UUID orderId, String productId, long n) {
        return new OrderPlaced(
                orderId, "bench-user-" + (n % 100), productId, 1, 1000, 1000, OrderStatus.PENDING, Instant.now());
    }

    /** The size in bytes of one order event on the wire, as the real serializer writes it in the format. */
    static int eventSize(RecordFormat format, String registryUrl) {
        try (OrderPlacedSerializer serializer = serializer(format, registryUrl)) {
            return serializer.serialize(LocalStack.ORDERS_TOPIC, order(UUID.randomUUID(), "CATALOG-001", 1)).length;
        }
    }

    /** order-service's serializer, configured as its producer configures it. */
    static OrderPlacedSerializer serializer(RecordFormat format, String registryUrl) {
        OrderPlacedSerializer serializer = new OrderPlacedSerializer();
        Map<String, Object> config = new HashMap<>();
        config.put(OrderPlacedSerializer.FORMAT, format.name());
        config.put("apicurio.registry.url", registryUrl);
        serializer.configure(config, false);
        return serializer;
    }

    /**
     * Creates the topic and returns once every partition has a leader: a producer that writes to a partition before
     * that may see its first batch refused and the batches after it accepted, and then lose the first batch.
     */
    static void createTopic(String bootstrapServers, String topic, int partitions)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            long deadline = System.nanoTime() + LEADERS_WITHIN.toNanos();
            while (!allHaveLeaders(admin, topic)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + topic + " has no leader after " + LEADERS_WITHIN);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static boolean allHaveLeaders(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException notYetKnown) {
            return false;
        }
    }

    /**
     * Creates the topic (three partitions, as the orders topic) and writes the orders, keyed by order id; throws if
     * any was not written, so that a drain never waits for an order that is not there.
     */
    void produce(String bootstrapServers) throws ExecutionException, InterruptedException {
        createTopic(bootstrapServers, topic, 3);
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
                new KafkaProducer<>(config, new StringSerializer(), serializer(format, registryUrl))) {
            AtomicReference<Exception> failed = new AtomicReference<>();
            for (int n = 0; n < size; n++) {
                OrderPlaced order = order(orderId(index, n), products.product(n), n);
                producer.send(new ProducerRecord<>(topic, order.orderId().toString(), order), (written, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failed.get() != null) {
                throw new IllegalStateException("Backlog " + topic + " not written whole", failed.get());
            }
        }
    }

    /** How fast a count went from its first change to its target. */
    record Drain(long rows, double seconds) {

        double perSecond() {
            return rows / seconds;
        }
    }

    /**
     * Polls {@code count} until it reaches {@code target}. The rate is taken over the second half, from the first
     * poll that saw at least half of the target: the consumer is warm by then and its start-up is not counted.
     */
    static Drain await(LongSupplier count, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long halfSeenAt = 0;
        long halfCount = 0;
        long current = count.getAsLong();
        while (current < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Drain stuck at " + current + " of " + target + " after " + timeout);
            }
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
            current = count.getAsLong();
            if (halfSeenAt == 0 && current >= target / 2) {
                halfSeenAt = System.nanoTime();
                halfCount = current;
            }
        }
        return new Drain(current - halfCount, (System.nanoTime() - halfSeenAt) / 1e9);
    }
}
