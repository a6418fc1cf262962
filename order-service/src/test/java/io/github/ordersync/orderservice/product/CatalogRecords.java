package io.github.ordersync.orderservice.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The catalog-source connector's records for this service's tests: the golden record of {@code contracts/} (what the
 * connector wrote for a row of catalog.products), with another product id or price where a test needs one.
 */
public final class CatalogRecords {

    static final Path GOLDEN = Path.of("../contracts/catalog-product.json");

    private CatalogRecords() {}

    /** The golden record with this product id and unit price. */
    public static String product(String productId, long unitPrice) {
        try {
            return Files.readString(GOLDEN)
                    .replace("\"CATALOG-001\"", "\"" + productId + "\"")
                    .replace("\"unit_price\": 1500", "\"unit_price\": " + unitPrice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a record, or a tombstone when {@code value} is null, to the topic as the connector does. */
    public static void publish(KafkaAdmin admin, String topic, String productId, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            topic, productId, value == null ? null : value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
