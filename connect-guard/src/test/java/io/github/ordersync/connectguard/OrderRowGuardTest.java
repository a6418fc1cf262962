package io.github.ordersync.connectguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ordersync.orderrules.StrictJsonConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * The guard applies the shared rules (tested in order-rules) for the kind of topic it is configured for, to the
 * golden records of contracts/ as the sink's converter reads them.
 */
class OrderRowGuardTest {

    @Test
    void passesAPlacedOrderOnTheOrdersTopic() {
        SinkRecord record = golden("order-placed.json", "orders");

        assertThat(guard("placed").apply(record)).isSameAs(record);
    }

    @Test
    void refusesWithTheRulesReason() {
        SinkRecord record = golden("order-placed.json", "orders");
        ((Struct) record.value()).put("unit_price", 0L);

        assertThatThrownBy(() -> guard("placed").apply(record))
                .isInstanceOf(DataException.class)
                .hasMessage("unit_price must be at least 1, was 0");
    }

    @Test
    void appliesTheRulesOfDecisionsWhenConfiguredForDecisions() {
        SinkRecord decided = golden("order-decided.json", "order-outcomes");

        assertThat(guard("decided").apply(decided)).isSameAs(decided);
        assertThatThrownBy(() -> guard("placed").apply(decided))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("must be PENDING");
        assertThatThrownBy(() -> guard("decided").apply(golden("order-placed.json", "orders")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("CONFIRMED or REJECTED");
    }

    @Test
    void leavesOutAnOptionalFieldANewerProducerAddedAndKeepsTheRestOfTheRecord() {
        SinkRecord golden = golden("order-placed.json", "orders");
        Struct order = (Struct) golden.value();
        SchemaBuilder newer = SchemaBuilder.struct().name(order.schema().name()).version(2);
        order.schema().fields().forEach(field -> newer.field(field.name(), field.schema()));
        newer.field("coupon_code", Schema.OPTIONAL_STRING_SCHEMA);
        Struct withCoupon = new Struct(newer.build()).put("coupon_code", "WELCOME10");
        order.schema().fields().forEach(field -> withCoupon.put(field.name(), order.get(field)));
        SinkRecord record = golden.newRecord("orders", 2, null, "key", withCoupon.schema(), withCoupon, 42L);
        record.headers().addString("traceparent", "00-1-2-01");

        SinkRecord row = guard("placed").apply(record);

        assertThat(row.valueSchema().fields()).isEqualTo(order.schema().fields());
        order.schema()
                .fields()
                .forEach(field ->
                        assertThat(((Struct) row.value()).get(field.name())).isEqualTo(order.get(field)));
        assertThat(row.kafkaPartition()).isEqualTo(2);
        assertThat(row.key()).isEqualTo("key");
        assertThat(row.timestamp()).isEqualTo(42L);
        assertThat(row.headers().lastWithName("traceparent").value()).isEqualTo("00-1-2-01");
    }

    @Test
    void refusesAnUnknownKind() {
        assertThatThrownBy(() -> guard("shipped")).isInstanceOf(ConfigException.class);
    }

    private static OrderRowGuard<SinkRecord> guard(String kind) {
        OrderRowGuard<SinkRecord> guard = new OrderRowGuard<>();
        guard.configure(Map.of(OrderRowGuard.KIND, kind));
        return guard;
    }

    private static SinkRecord golden(String file, String topic) {
        try {
            SchemaAndValue read = StrictJsonConverter.forValues()
                    .toConnectData(topic, Files.readAllBytes(Path.of("../contracts", file)));
            return new SinkRecord(topic, 0, null, "key", read.schema(), read.value(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
