package io.github.ordersync.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its end at the time of creation and notes when each key was first seen: for the outcomes
 * topic, when each order's stock decision was published. Costs one consumer, no database query.
 */
final class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> newlySeen = new ConcurrentLinkedQueue<>();
    private final AtomicLong records = new AtomicLong();
    private final Thread poller;
    private volatile long lastNewNanos;

    TopicWatcher(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::poll, "watch-" + topic);
        poller.start();
    }

    private void poll() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    records.incrementAndGet();
                    if (record.key() != null && firstSeen.putIfAbsent(record.key(), now) == null) {
                        newlySeen.add(record.key());
                        lastNewNanos = now;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** When the key was first seen ({@link System#nanoTime()}), or null. */
    Long firstSeen(String key) {
        return firstSeen.get(key);
    }

    int distinctKeys() {
        return firstSeen.size();
    }

    long records() {
        return records.get();
    }

    /** Keys seen for the first time since the last call. */
    List<String> takeNewlySeen() {
        List<String> keys = new java.util.ArrayList<>();
        for (String key = newlySeen.poll(); key != null; key = newlySeen.poll()) {
            keys.add(key);
        }
        return keys;
    }

    /**
     * Waits until {@code expected} distinct keys were seen. The drain rate is taken over the second half of the keys,
     * as the consumer received them: by then the service's JVM is warm and its start-up is not counted.
     */
    Backlog.Drain awaitDrain(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firstSeen.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Drain stuck at " + firstSeen.size() + " of " + expected + " after " + timeout);
            }
            Pauses.brief();
        }
        long[] times =
                firstSeen.values().stream().mapToLong(Long::longValue).sorted().toArray();
        int half = times.length / 2;
        return new Backlog.Drain(times.length - 1 - half, (times[times.length - 1] - times[half]) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join();
    }
}
