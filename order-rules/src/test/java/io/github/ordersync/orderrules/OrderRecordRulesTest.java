package io.github.ordersync.orderrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule set over real envelopes, read the way both consumers read them: StrictJsonConverter, then the rules. */
class OrderRecordRulesTest {

    private static final ObjectMapper mapper = new ObjectMapper();
    private final StrictJsonConverter converter = StrictJsonConverter.forValues();

    @Test
    void acceptsAnOrderAsOrderServiceWritesIt() {
        assertThat(verdict(placed(payload -> {}), OrderRecordRules.Kind.PLACED)).isEmpty();
    }

    @Test
    void acceptsUserIdsOfAnyScript() {
        assertThat(verdict(placed(payload -> payload.put("user_id", "김민준")), OrderRecordRules.Kind.PLACED))
                .isEmpty();
        assertThat(verdict(placed(payload -> payload.put("user_id", "Zoë_1.a-b")), OrderRecordRules.Kind.PLACED))
                .isEmpty();
    }

    static Stream<Arguments> refusedPlacedOrders() {
        return Stream.of(
                refused("a price of zero", p -> p.put("unit_price", 0).put("total_price", 0), "unit_price must be"),
                refused("a lenient UUID", p -> p.put("order_id", "1-1-1-1-1"), "canonical form"),
                refused(
                        "an upper-case UUID",
                        p -> p.put("order_id", "D1D6A030-DF6E-4929-9B73-D5DD175A08B3"),
                        "canonical form"),
                refused("a decided status", p -> p.put("status", "CONFIRMED"), "must be PENDING"),
                refused("a total that is not qty x price", p -> p.put("total_price", 4501), "total_price must be"),
                refused("a time after year 9999", p -> p.put("created_at", 253402300800000L), "created_at must be"),
                refused("the epoch itself", p -> p.put("created_at", 0), "created_at must be"),
                refused("a product id of 65 characters", p -> p.put("product_id", "P".repeat(65)), "product_id"),
                refused("a user id with a slash", p -> p.put("user_id", "a/b"), "user_id"),
                refused("a user id with a bidi override", p -> p.put("user_id", "ab\u202Ecd"), "user_id"),
                refused("a user id not in NFC", p -> p.put("user_id", "Zoe\u0308"), "normal form C"),
                refused("a user id of 65 Hangul syllables", p -> p.put("user_id", "가".repeat(65)), "user_id"),
                refused("a quantity of zero", p -> p.put("qty", 0).put("total_price", 0), "qty must be"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPlacedOrders")
    void refusesAPlacedOrderThatTheTableCannotHoldOrThatContradictsItself(
            String name, Consumer<ObjectNode> change, String reason) {
        assertThat(verdict(placed(change), OrderRecordRules.Kind.PLACED))
                .hasValueSatisfying(violation -> assertThat(violation).contains(reason));
    }

    @Test
    void acceptsTheGoldenDecisionAsCatalogServiceWritesIt() throws IOException {
        byte[] decided = Files.readAllBytes(Path.of("../contracts/order-decided.json"));

        assertThat(verdict(decided, OrderRecordRules.Kind.DECIDED)).isEmpty();
        assertThat(verdict(decided, OrderRecordRules.Kind.PLACED))
                .hasValueSatisfying(violation -> assertThat(violation).contains("must be PENDING"));
    }

    @Test
    void refusesADecisionWithoutAFinalStatus() {
        assertThat(verdict(placed(payload -> {}), OrderRecordRules.Kind.DECIDED))
                .hasValueSatisfying(violation -> assertThat(violation).contains("CONFIRMED or REJECTED"));
    }

    @Test
    void refusesAValueOfTheWrongJsonTypeInsteadOfReadingItAsZero() {
        assertThatThrownBy(() -> converter.toConnectData("orders", placed(p -> p.put("qty", "abc"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'qty'");
        assertThatThrownBy(() -> converter.toConnectData("orders", placed(p -> p.put("qty", 2.5))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'qty'");
    }

    @Test
    void acceptsAnOrderWithAnOptionalFieldANewerProducerAdded() {
        assertThat(verdict(withCouponCode(true), OrderRecordRules.Kind.PLACED)).isEmpty();
    }

    @Test
    void refusesAnAddedFieldThatIsRequiredNamingIt() {
        assertThat(verdict(withCouponCode(false), OrderRecordRules.Kind.PLACED))
                .hasValue("Field 'coupon_code' is not a column of the orders table; a field a producer adds must be "
                        + "optional");
    }

    @Test
    void refusesAnOrderWhoseSchemaNoLongerHasARequiredFieldNamingIt() {
        byte[] withoutQty = envelope(envelope -> {
            ArrayNode fields = (ArrayNode) envelope.get("schema").get("fields");
            for (int i = fields.size() - 1; i >= 0; i--) {
                if ("qty".equals(fields.get(i).path("field").asText())) {
                    fields.remove(i);
                }
            }
            ((ObjectNode) envelope.get("payload")).remove("qty");
        });

        assertThat(verdict(withoutQty, OrderRecordRules.Kind.PLACED)).hasValue("Field 'qty' is missing");
    }

    @Test
    void theRowOfAnOrderWithAnAddedOptionalFieldIsTheOrderWithoutIt() {
        Struct newer =
                (Struct) converter.toConnectData("orders", withCouponCode(true)).value();
        Struct golden = (Struct)
                converter.toConnectData("orders", placed(payload -> {})).value();

        Struct row = OrderRecordRules.columnsOnly(newer);

        assertThat(row.schema().fields()).isEqualTo(golden.schema().fields());
        assertThat(row.schema().version())
                .as("the newer schema's version, kept")
                .isEqualTo(2);
        golden.schema().fields().forEach(field -> assertThat(row.get(field)).isEqualTo(golden.get(field)));
        assertThat(OrderRecordRules.columnsOnly(golden)).isSameAs(golden);
    }

    @Test
    void refusesARecordWithoutAValue() {
        assertThat(OrderRecordRules.violation(null, OrderRecordRules.Kind.PLACED))
                .hasValue("Record has no value");
    }

    private Optional<String> verdict(byte[] envelope, OrderRecordRules.Kind kind) {
        return OrderRecordRules.violation(
                converter.toConnectData("orders", envelope).value(), kind);
    }

    private static Arguments refused(String name, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(name, change, reason);
    }

    /** The golden placed order (contracts/), with one change to its payload. */
    static byte[] placed(Consumer<ObjectNode> change) {
        return envelope(envelope -> change.accept((ObjectNode) envelope.get("payload")));
    }

    /**
     * The golden placed order as a newer producer writes it (contracts/order-placed-v2.json: version 2 of its schema
     * adds an optional coupon code), its coupon code optional or made required.
     */
    static byte[] withCouponCode(boolean optional) {
        try {
            ObjectNode envelope =
                    (ObjectNode) mapper.readTree(Files.readAllBytes(Path.of("../contracts/order-placed-v2.json")));
            for (JsonNode field : envelope.get("schema").get("fields")) {
                if ("coupon_code".equals(field.path("field").asText())) {
                    ((ObjectNode) field).put("optional", optional);
                }
            }
            return mapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The golden placed order (contracts/), with one change to its envelope. */
    static byte[] envelope(Consumer<ObjectNode> change) {
        try {
            ObjectNode envelope =
                    (ObjectNode) mapper.readTree(Files.readAllBytes(Path.of("../contracts/order-placed.json")));
            change.accept(envelope);
            return mapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
