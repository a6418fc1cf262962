package io.github.ordersync.connectguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The guard applies the shared rules (tested in order-rules) for the kind of topic it is configured for. */
class OrderRowGuardTest {

    private static final Schema ORDER = SchemaBuilder.struct()
            .field("order_id", Schema.STRING_SCHEMA)
            .field("user_id", Schema.STRING_SCHEMA)
            .field("product_id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("unit_price", Schema.INT64_SCHEMA)
            .field("total_price", Schema.INT64_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .field("decided_at", Timestamp.builder().optional().build())
            .build();

    @Test
    void passesAPlacedOrderOnTheOrdersTopic() {
        SinkRecord record = record(order("PENDING"));

        assertThat(guard("placed").apply(record)).isSameAs(record);
    }

    @Test
    void refusesWithTheRulesReason() {
        assertThatThrownBy(() -> guard("placed").apply(record(order("PENDING").put("unit_price", 0L))))
                .isInstanceOf(DataException.class)
                .hasMessage("unit_price must be at least 1, was 0");
    }

    @Test
    void appliesTheRulesOfDecisionsWhenConfiguredForDecisions() {
        assertThatThrownBy(() -> guard("decided").apply(record(order("PENDING"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("CONFIRMED or REJECTED");
        SinkRecord decided = record(order("CONFIRMED").put("decided_at", new Date()));
        assertThat(guard("decided").apply(decided)).isSameAs(decided);
        assertThatThrownBy(() -> guard("placed").apply(decided))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("must be PENDING");
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

    private static Struct order(String status) {
        return new Struct(ORDER)
                .put("order_id", "5a8c7f7e-1a1b-4a59-9d2c-8f1e9a7b3c4d")
                .put("user_id", "user-1")
                .put("product_id", "CATALOG-001")
                .put("qty", 3)
                .put("unit_price", 1500L)
                .put("total_price", 4500L)
                .put("status", status)
                .put("created_at", new Date());
    }

    private static SinkRecord record(Struct value) {
        return new SinkRecord("orders", 0, Schema.STRING_SCHEMA, "key", ORDER, value, 0);
    }
}
