package io.github.ordersync.catalogservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ordersync.orderrules.OrderRecordRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class OrderEnvelopesTest {

    private static final UUID ORDER_ID = UUID.fromString("6f1c2b1e-8d4a-4c1e-9a57-2b0b8c1d9e01");
    private static final Instant CREATED = PlacedOrders.CREATED;

    private final OrderEnvelopes envelopes = new OrderEnvelopes(RecordsProperties.ENVELOPE);
    private final JsonConverter converter = PlacedOrders.converter();

    @Test
    void readsThePendingOrderThatOrderServiceWrites() {
        OrderPlaced order = envelopes.read("orders", placed(3, "PENDING"));

        assertThat(order).isEqualTo(new OrderPlaced(ORDER_ID, "user-1", "CATALOG-001", 3, 1500, 4500, CREATED));
    }

    @Test
    void readsTheGoldenRecordAndWritesItsGoldenDecision() throws Exception {
        OrderPlaced order = envelopes.read("orders", PlacedOrders.golden());
        assertThat(order)
                .isEqualTo(new OrderPlaced(
                        UUID.fromString("d1d6a030-df6e-4929-9b73-d5dd175a08b3"),
                        "user-1",
                        "CATALOG-001",
                        3,
                        1500,
                        4500,
                        CREATED));

        byte[] decided = envelopes.write(
                "order-outcomes", new OrderDecided(order, Decision.confirmed(Instant.ofEpochMilli(1795027628576L))));

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(decided))
                .isEqualTo(json.readTree(Files.readAllBytes(Path.of("../contracts/order-decided.json"))));
    }

    @Test
    void readsAnOrderWithAnOptionalFieldANewerProducerAddedAsTheOrderWithoutIt() throws Exception {
        byte[] newer = Files.readAllBytes(Path.of("../contracts/order-placed-v2.json"));

        assertThat(envelopes.read("orders", newer)).isEqualTo(envelopes.read("orders", PlacedOrders.golden()));
    }

    @Test
    void rejectsPlainText() {
        assertUnreadable("not an order".getBytes(StandardCharsets.UTF_8), "Not a Kafka Connect JSON envelope");
    }

    @Test
    void rejectsJsonWithoutTheEnvelope() {
        assertUnreadable(
                "{\"order_id\":\"x\",\"qty\":1}".getBytes(StandardCharsets.UTF_8),
                "Not a Kafka Connect JSON envelope: JsonConverter with schemas.enable requires");
    }

    @Test
    void rejectsAPayloadWhoseTypeContradictsItsSchema() {
        String wrongType =
                new String(placed(3, "PENDING"), StandardCharsets.UTF_8).replace("\"qty\":3", "\"qty\":\"abc\"");

        assertUnreadable(
                wrongType.getBytes(StandardCharsets.UTF_8), "'qty' does not have the type its schema declares");
    }

    @Test
    void rejectsAPriceGivenAsText() {
        String wrongType = new String(placed(3, "PENDING"), StandardCharsets.UTF_8)
                .replace("\"unit_price\":1500", "\"unit_price\":\"1500\"");

        assertUnreadable(wrongType.getBytes(StandardCharsets.UTF_8), "'unit_price' does not have the type");
    }

    @Test
    void rejectsAnEnvelopeWithoutARequiredField() {
        Schema withoutQty = SchemaBuilder.struct()
                .field("order_id", Schema.STRING_SCHEMA)
                .field("created_at", Timestamp.SCHEMA)
                .build();
        byte[] value = converter.fromConnectData(
                "orders",
                withoutQty,
                new Struct(withoutQty).put("order_id", ORDER_ID.toString()).put("created_at", new Date()));

        assertUnreadable(value, "is missing");
    }

    @Test
    void rejectsANonPositiveQuantityThatWouldAddStock() {
        assertUnreadable(placed(-5, "PENDING"), "qty must be at least 1");
    }

    @Test
    void rejectsAnOrderThatIsNotPending() {
        assertUnreadable(placed(1, "CONFIRMED"), "must be PENDING");
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertUnreadable(null, "no value");
    }

    @Test
    void writesTheDecisionAsAnEnvelopeWithTheWholeOrderForTheSink() {
        OrderPlaced order = new OrderPlaced(ORDER_ID, "user-1", "CATALOG-001", 3, 1500, 4500, CREATED);
        Instant decided = Instant.parse("2026-11-23T10:15:31.000Z");

        byte[] value = envelopes.write(
                "order-outcomes", new OrderDecided(order, Decision.rejected("Insufficient stock", decided)));

        Struct read = (Struct) converter.toConnectData("order-outcomes", value).value();
        assertThat(read.getString("order_id")).isEqualTo(ORDER_ID.toString());
        assertThat(read.getString("user_id")).isEqualTo("user-1");
        assertThat(read.getInt64("total_price")).isEqualTo(4500L);
        assertThat(read.getString("status")).isEqualTo("REJECTED");
        assertThat(read.getString("reason")).isEqualTo("Insufficient stock");
        assertThat(read.get("created_at")).isEqualTo(Date.from(CREATED));
        assertThat(read.get("decided_at")).isEqualTo(Date.from(decided));
        assertThat(OrderRecordRules.violation(read, OrderRecordRules.Kind.DECIDED))
                .as("the sink's guard accepts the decision as written")
                .isEmpty();
    }

    private void assertUnreadable(byte[] value, String reason) {
        assertThatThrownBy(() -> envelopes.read("orders", value))
                .isInstanceOf(RefusedOrder.class)
                .hasMessageContaining(reason);
    }

    private byte[] placed(int qty, String status) {
        return PlacedOrders.envelope(ORDER_ID, "CATALOG-001", qty, status);
    }
}
