package io.github.ordersync.catalogservice.order;

import static io.github.ordersync.catalogservice.order.CatalogRows.decisionOf;
import static io.github.ordersync.catalogservice.order.CatalogRows.priceOf;
import static io.github.ordersync.catalogservice.order.CatalogRows.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.catalogservice.TestInfrastructure;
import io.github.ordersync.orderrules.RecordFormat;
import io.github.ordersync.testinfra.TestRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * catalog-service in the registry mode ({@code RECORD_FORMAT=avro}), on Testcontainers or the local stack as the other
 * integration tests: an order order-service writes in Avro is decided, and the decision is written in Avro. On topics,
 * a group and a Streams application of its own, so that it never meets the envelope tests' records.
 */
@SpringBootTest(
        properties = {
            "catalog.records.format=avro",
            "catalog.topics.orders=orders-avro-it",
            "catalog.topics.outcomes=order-outcomes-avro-it",
            "catalog.topics.dead-letter=orders-dlt-avro-it",
            "catalog.sales.topics.totals=sales-totals-avro-it",
            "catalog.sales.topics.per-minute=sales-per-minute-avro-it",
            "spring.kafka.consumer.group-id=catalog-service-avro-it",
            "spring.kafka.streams.application-id=catalog-sales-avro-it"
        })
@Import({TestInfrastructure.class, OrderDecisionAvroIT.OrdersTopic.class})
class OrderDecisionAvroIT {

    /** The test's orders topic, there before the listener subscribes (order-service creates it in a deployment). */
    @TestConfiguration(proxyBeanMethods = false)
    static class OrdersTopic {

        @Bean
        NewTopic avroOrders(CatalogTopics topics) {
            return TopicBuilder.name(topics.orders())
                    .partitions(topics.partitions())
                    .build();
        }
    }

    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("catalog.records.registry-url", TestRegistry::url);
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Autowired
    JdbcClient db;

    @Autowired
    CatalogTopics topics;

    @Test
    void decidesAnOrderWrittenInAvroAndWritesItsDecisionInAvro() {
        Converter avro = RecordFormat.AVRO.valueConverter(TestRegistry.url());
        int before = stockOf(db, "CATALOG-001");
        UUID orderId = UUID.randomUUID();
        // the golden record, written as order-service writes it in the registry mode
        SchemaAndValue order = PlacedOrders.converter()
                .toConnectData(
                        topics.orders(),
                        PlacedOrders.envelope(orderId, "CATALOG-001", 2, priceOf(db, "CATALOG-001"), "PENDING"));

        kafka.send(
                        topics.orders(),
                        orderId.toString(),
                        avro.fromConnectData(topics.orders(), order.schema(), order.value()))
                .join();

        await().atMost(DECIDED_WITHIN).until(() -> decisionOf(db, orderId) != null);
        assertThat(decisionOf(db, orderId)).isEqualTo("CONFIRMED");
        assertThat(stockOf(db, "CATALOG-001")).isEqualTo(before - 2);
        byte[] decided = outcomeOf(orderId);
        assertThat(decided[0]).as("Apicurio's magic byte").isZero();
        Struct decision =
                (Struct) avro.toConnectData(topics.outcomes(), decided).value();
        assertThat(decision.getString("status")).isEqualTo("CONFIRMED");
        assertThat(decision.getInt32("qty")).isEqualTo(2);
    }

    private byte[] outcomeOf(UUID orderId) {
        Properties earliest = new Properties();
        earliest.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> consumer =
                consumers.createConsumer("avro-it-reader-" + UUID.randomUUID(), null, null, earliest)) {
            consumer.subscribe(List.of(topics.outcomes()));
            return await().atMost(DECIDED_WITHIN)
                    .until(
                            () -> {
                                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                                    if (record.key().equals(orderId.toString())) {
                                        return record.value();
                                    }
                                }
                                return null;
                            },
                            value -> value != null);
        }
    }
}
