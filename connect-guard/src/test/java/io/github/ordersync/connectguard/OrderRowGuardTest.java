package io.github.ordersync.connectguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class OrderRowGuardTest {

    private static final Schema ORDER_PLACED = SchemaBuilder.struct()
            .field("order_id", Schema.STRING_SCHEMA)
            .field("user_id", Schema.STRING_SCHEMA)
            .field("product_id", Schema.STRING_SCHEMA)
            .field("qty", Schema.INT32_SCHEMA)
            .field("unit_price", Schema.INT64_SCHEMA)
            .field("total_price", Schema.INT64_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .build();

    private final OrderRowGuard<SinkRecord> guard = new OrderRowGuard<>();

    @Test
    void passesAnOrderAsOrderServiceWritesIt() {
        SinkRecord record = record(ORDER_PLACED, order());

        assertThat(guard.apply(record)).isSameAs(record);
    }

    @Test
    void rejectsAQuantityThatAWrongTypedJsonValueTurnedIntoZero() {
        assertThatThrownBy(() -> guard.apply(record(ORDER_PLACED, order().put("qty", 0))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'qty'");
    }

    @Test
    void rejectsAnIdLongerThanItsColumn() {
        assertThatThrownBy(() -> guard.apply(record(ORDER_PLACED, order().put("product_id", "p".repeat(65)))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'product_id'")
                .hasMessageContaining("1-64 characters");
    }

    @Test
    void rejectsARecordWithoutARequiredColumn() {
        Schema withoutQty = SchemaBuilder.struct()
                .field("order_id", Schema.STRING_SCHEMA)
                .field("user_id", Schema.STRING_SCHEMA)
                .field("product_id", Schema.STRING_SCHEMA)
                .build();
        Struct row = new Struct(withoutQty)
                .put("order_id", "5a8c7f7e-1a1b-4a59-9d2c-8f1e9a7b3c4d")
                .put("user_id", "user-1")
                .put("product_id", "CATALOG-001");

        assertThatThrownBy(() -> guard.apply(record(withoutQty, row))).hasMessageContaining("is missing");
    }

    @Test
    void rejectsAFieldTheTableDoesNotHave() {
        Schema extra = SchemaBuilder.struct()
                .field("order_id", Schema.STRING_SCHEMA)
                .field("discount", Schema.INT32_SCHEMA)
                .build();

        assertThatThrownBy(() -> guard.apply(
                        record(extra, new Struct(extra).put("order_id", "x").put("discount", 5))))
                .hasMessageContaining("'discount' is not a column");
    }

    @Test
    void rejectsAColumnOfTheWrongType() {
        Schema textQty =
                SchemaBuilder.struct().field("qty", Schema.STRING_SCHEMA).build();

        assertThatThrownBy(() -> guard.apply(record(textQty, new Struct(textQty).put("qty", "3"))))
                .hasMessageContaining("'qty' must be INT32");
    }

    @Test
    void rejectsAValueThatIsNotARow() {
        assertThatThrownBy(() -> guard.apply(record(Schema.STRING_SCHEMA, "hello")))
                .hasMessageContaining("Not an order row");
        assertThatThrownBy(() -> guard.apply(record(null, null))).hasMessageContaining("empty");
    }

    private static Struct order() {
        return new Struct(ORDER_PLACED)
                .put("order_id", "5a8c7f7e-1a1b-4a59-9d2c-8f1e9a7b3c4d")
                .put("user_id", "user-1")
                .put("product_id", "CATALOG-001")
                .put("qty", 3)
                .put("unit_price", 1500L)
                .put("total_price", 4500L)
                .put("status", "PENDING")
                .put("created_at", new Date());
    }

    private static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("orders", 0, Schema.STRING_SCHEMA, "key", schema, value, 0);
    }
}
