package io.github.ordersync.orderservice.product;

import io.github.ordersync.orderrules.RecordFormat;
import io.github.ordersync.orderservice.config.RecordsProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies each change of the catalog, as the catalog-source connector publishes it, to the {@link ProductCatalog}:
 * a row of {@code catalog.products} in the Connect {@code {"schema":...,"payload":...}} envelope (or in Avro, in
 * registry mode) under its product id, or a tombstone once the product is deleted.
 *
 * <p>Every instance reads the whole topic from its beginning at every start: the group id is the instance's own and
 * nothing is ever committed (ackMode MANUAL, never acknowledged), so it never resumes half-way and no offsets are left
 * behind.
 */
@Component
class CatalogChanges {

    private static final Logger log = LoggerFactory.getLogger(CatalogChanges.class);

    private final ProductCatalog catalog;
    private final Converter converter;

    CatalogChanges(ProductCatalog catalog, RecordsProperties records) {
        this.catalog = catalog;
        this.converter = converter(records);
    }

    /** As the catalog-source connector writes them: the envelope (read with Connect's plain JsonConverter), or Avro. */
    private static Converter converter(RecordsProperties records) {
        if (records.format() == RecordFormat.AVRO) {
            return records.format().valueConverter(records.registryUrl());
        }
        JsonConverter envelope = new JsonConverter();
        envelope.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true), false);
        return envelope;
    }

    @KafkaListener(
            id = "catalog-changes",
            topics = "${orders.products.topic}",
            groupId = "order-service-products-${random.uuid}",
            ackMode = "MANUAL",
            properties = {
                "auto.offset.reset=earliest",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
            })
    void onChange(ConsumerRecord<String, byte[]> change) {
        CatalogProduct product;
        try {
            product = product(change);
        } catch (DataException | SerializationException | IllegalArgumentException unreadable) {
            // Not retried: the same bytes fail the same way. The record stays in the compacted topic until the
            // product's next change replaces it; meanwhile the product keeps its last readable state here.
            log.error(
                    "Unreadable catalog change {}-{}@{} for product {}, skipped: {}",
                    change.topic(),
                    change.partition(),
                    change.offset(),
                    change.key(),
                    unreadable.getMessage());
            catalog.skip(change.partition(), change.offset(), unreadable.getMessage());
            return;
        }
        catalog.apply(change.partition(), change.offset(), change.key(), product);
    }

    /**
     * The product the record carries, or null for a tombstone: the product was deleted (the connector turns each
     * delete into a tombstone, {@code delete.tombstone.handling.mode=delete-to-tombstone}).
     */
    CatalogProduct product(ConsumerRecord<String, byte[]> change) {
        if (change.value() == null) {
            return null;
        }
        SchemaAndValue row = converter.toConnectData(change.topic(), change.value());
        if (!(row.value() instanceof Struct fields)) {
            throw new IllegalArgumentException(
                    "Not a product row: " + new String(change.value(), StandardCharsets.UTF_8));
        }
        return new CatalogProduct(
                fields.getString("product_id"),
                fields.getString("product_name"),
                fields.getInt64("unit_price"),
                fields.getInt32("stock"),
                Instant.ofEpochMilli(change.timestamp()));
    }
}
