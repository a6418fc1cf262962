package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the tests read from and write to Kafka directly, around the services. */
final class KafkaProbe {

    private static final Duration WITHIN = Duration.ofSeconds(120);

    private final String bootstrapServers;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes one record as a foreign producer would, without any of our serializers. */
    RecordMetadata produce(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2 * 1024 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The first record of the topic with this key; waits for it to appear. */
    ConsumerRecord<String, byte[]> find(String topic, String key) {
        return findAll(topic, Set.of(key)).get(key);
    }

    /** The first record of the topic for each key; waits until all appeared. */
    Map<String, ConsumerRecord<String, byte[]>> findAll(String topic, Set<String> keys) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "system-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
            await("records " + keys + " on " + topic).atMost(WITHIN).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (keys.contains(record.key())) {
                        found.putIfAbsent(record.key(), record);
                    }
                });
                // on a timeout, the message names the records that never came
                assertThat(found.keySet()).as("keys found on " + topic).containsAll(keys);
            });
            return found;
        }
    }

    /** The sum of the topics' end offsets: how many records were ever written to them. */
    long endOffsets(Collection<String> topics) throws Exception {
        return latest(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offset of every partition of these topics: how far they were written up to this moment. */
    Map<TopicPartition, Long> writtenSoFar(Collection<String> topics) throws Exception {
        return latest(topics);
    }

    /**
     * How many of the records written up to {@code written} the group has not committed: read right after a
     * consumer was killed, a lower bound of the records it had in flight or not yet fetched.
     */
    long notCommitted(String group, Map<TopicPartition, Long> written) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return written.entrySet().stream()
                .mapToLong(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
                })
                .sum();
    }

    /** Waits until the consumer group has committed offsets up to the end of these topics. */
    void awaitCaughtUp(String group, Collection<String> topics) {
        await(group + " caught up on " + topics)
                .atMost(WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    Map<TopicPartition, Long> ends = latest(topics);
                    Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
                    return ends.entrySet().stream()
                            .allMatch(end -> end.getValue() == 0
                                    || (committed.get(end.getKey()) != null
                                            && committed.get(end.getKey()).offset() >= end.getValue()));
                });
    }

    /** Waits until the group has committed an offset past this record. */
    void awaitConsumedPast(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await(group + " past " + record).atMost(WITHIN).until(() -> {
            OffsetAndMetadata offset = committed(group).get(partition);
            return offset != null && offset.offset() > record.offset();
        });
    }

    /** Moves an inactive consumer group back to the beginning of the topic, so that it reads everything again. */
    void rewind(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> beginning = latest(List.of(topic)).keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, beginning).all().get();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        }
    }

    private Map<TopicPartition, Long> latest(Collection<String> topics)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (var description :
                    admin.describeTopics(topics).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(partition -> request.put(
                                new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000));
    }

    static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        List<String> keys = new ArrayList<>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }
}
