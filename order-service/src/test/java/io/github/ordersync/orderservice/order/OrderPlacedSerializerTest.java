package io.github.ordersync.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ordersync.orderrules.OrderRecordRules;
import io.github.ordersync.orderrules.StrictJsonConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class OrderPlacedSerializerTest {

    private static final OrderPlaced ORDER = new OrderPlaced(
            UUID.fromString("6f1c2b1e-8d4a-4c1e-9a57-2b0b8c1d9e01"),
            "user-1",
            "CATALOG-001",
            3,
            1500,
            4500,
            OrderStatus.PENDING,
            Instant.parse("2026-11-23T10:15:30.123Z"));

    private final OrderPlacedSerializer serializer = new OrderPlacedSerializer();

    @Test
    void writesAnEnvelopeThatConnectsJsonConverterReadsBackIntoTheSameStruct() {
        byte[] envelope = serializer.serialize("orders", ORDER);

        JsonConverter sinkSide = new JsonConverter();
        sinkSide.configure(Map.of("schemas.enable", true), false);
        SchemaAndValue read = sinkSide.toConnectData("orders", envelope);

        assertThat(read.schema()).isEqualTo(OrderPlacedSerializer.SCHEMA);
        assertThat(read.value()).isEqualTo(OrderPlacedSerializer.toStruct(ORDER));
        Struct order = (Struct) read.value();
        assertThat(order.getInt32("qty")).isEqualTo(3);
        assertThat(order.getInt64("total_price")).isEqualTo(4500L);
        assertThat(order.get("created_at")).isEqualTo(java.util.Date.from(ORDER.createdAt()));
    }

    @Test
    void writesTheGoldenRecordThatTheConsumersTestAgainst() throws Exception {
        OrderPlaced golden = new OrderPlaced(
                UUID.fromString("d1d6a030-df6e-4929-9b73-d5dd175a08b3"),
                "user-1",
                "CATALOG-001",
                3,
                1500,
                4500,
                OrderStatus.PENDING,
                Instant.ofEpochMilli(1795027627956L));
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readTree(serializer.serialize("orders", golden)))
                .isEqualTo(json.readTree(Files.readAllBytes(Path.of("../contracts/order-placed.json"))));
    }

    @Test
    void writesWhatTheCatalogAndTheSinkAcceptAlsoForAUserNamedInHangul() {
        OrderPlaced hangul = new OrderPlaced(
                ORDER.orderId(),
                "김민준",
                ORDER.productId(),
                ORDER.qty(),
                ORDER.unitPrice(),
                ORDER.totalPrice(),
                ORDER.status(),
                ORDER.createdAt());
        for (OrderPlaced order : new OrderPlaced[] {ORDER, hangul}) {
            SchemaAndValue read =
                    StrictJsonConverter.forValues().toConnectData("orders", serializer.serialize("orders", order));

            assertThat(OrderRecordRules.violation(read.value(), OrderRecordRules.Kind.PLACED))
                    .isEmpty();
        }
    }

    @Test
    void envelopeDeclaresTheTypesTheSharedTableExpects() throws Exception {
        JsonNode envelope = new ObjectMapper().readTree(serializer.serialize("orders", ORDER));

        assertThat(envelope.path("schema").path("type").asText()).isEqualTo("struct");
        assertThat(envelope.path("payload").path("order_id").asText())
                .isEqualTo(ORDER.orderId().toString());
        Map<String, String> types = new java.util.HashMap<>();
        envelope.path("schema")
                .path("fields")
                .forEach(field -> types.put(
                        field.path("field").asText(),
                        field.path("type").asText() + field.path("name").asText("")));
        assertThat(types)
                .containsEntry("qty", "int32")
                .containsEntry("unit_price", "int64")
                .containsEntry("total_price", "int64")
                .containsEntry("created_at", "int64org.apache.kafka.connect.data.Timestamp");
    }

    @Test
    void schemaHasOneFieldPerEventComponentNamedLikeTheColumn() {
        var componentsAsColumns = Arrays.stream(OrderPlaced.class.getRecordComponents())
                .map(component ->
                        component.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .toList();

        assertThat(OrderPlacedSerializer.SCHEMA.fields().stream().map(Field::name))
                .containsExactlyElementsOf(componentsAsColumns);
    }

    @Test
    void statusIsOptionalWithADefaultSoTheSchemaCanEvolve() {
        Field status = OrderPlacedSerializer.SCHEMA.field("status");

        assertThat(status.schema().defaultValue()).isEqualTo("PENDING");
    }
}
