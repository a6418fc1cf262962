package io.github.ordersync.orderservice.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ordersync.orderrules.RecordFormat;
import io.github.ordersync.orderservice.config.RecordsProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

    private final CatalogChanges changes = new CatalogChanges(null, new RecordsProperties(RecordFormat.ENVELOPE, null));

    @Test
    void readsTheConnectorsRecordOfAProductRow() {
        assertThat(changes.product(change("CATALOG-001", CatalogRecords.product("CATALOG-001", 1500))))
                .isEqualTo(new CatalogProduct("CATALOG-001", "Berlin", 1500, 100, Instant.ofEpochMilli(42)));
    }

    @Test
    void aTombstoneIsADeletedProduct() {
        assertThat(changes.product(change("CATALOG-001", null))).isNull();
    }

    @Test
    void aRecordWithoutTheRowsSchemaIsAnError() {
        String renamed = CatalogRecords.product("CATALOG-001", 1500).replace("unit_price", "price");

        assertThatThrownBy(() -> changes.product(change("CATALOG-001", renamed)))
                .isInstanceOf(DataException.class);
    }

    private static ConsumerRecord<String, byte[]> change(String productId, String value) {
        return new ConsumerRecord<>(
                "catalog-products",
                0,
                7,
                42,
                TimestampType.CREATE_TIME,
                0,
                0,
                productId,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.header.internals.RecordHeaders(),
                java.util.Optional.empty());
    }
}
