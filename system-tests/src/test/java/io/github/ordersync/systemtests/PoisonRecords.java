package io.github.ordersync.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records a foreign or broken producer could put on the orders topic, each made from a real order event so that
 * only one thing is wrong with it. Keyed by what is wrong; every one names the ledger's product, so a poison
 * record that was applied anyway would show up in the ledger's checks.
 */
final class PoisonRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoisonRecords() {}

    /** What is wrong with the record, to the record's value ({@code null} for a tombstone). */
    static Map<String, byte[]> from(byte[] realOrderEvent) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(realOrderEvent);
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("not-json", "this is not an order".getBytes(StandardCharsets.UTF_8));
        poison.put("tombstone", null);
        poison.put("no-envelope", bytes(newOrder(envelope).get("payload")));
        poison.put("missing-required-field", variant(envelope, (schema, payload) -> payload.remove("qty")));
        poison.put("schema-without-qty", variant(envelope, (schema, payload) -> {
            payload.remove("qty");
            ArrayNode fields = (ArrayNode) schema.get("fields");
            for (int i = 0; i < fields.size(); i++) {
                if ("qty".equals(fields.get(i).path("field").asText())) {
                    fields.remove(i);
                }
            }
        }));
        poison.put("qty-as-text", variant(envelope, (schema, payload) -> payload.put("qty", "abc")));
        poison.put("product-id-as-number", variant(envelope, (schema, payload) -> payload.put("product_id", 42)));
        poison.put("negative-qty", variant(envelope, (schema, payload) -> payload.put("qty", -5)));
        poison.put(
                "oversized-product-id",
                variant(
                        envelope,
                        (schema, payload) -> payload.put(
                                "product_id", payload.get("product_id").asText() + "x".repeat(200_000))));
        return poison;
    }

    /**
     * Well-formed order envelopes that say something no placed order can: each could pass one consumer's checks
     * and not the other's, so the catalog and the sink must agree on them. Keyed by what is wrong.
     */
    static Map<String, byte[]> disputed(byte[] realOrderEvent) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(realOrderEvent);
        Map<String, byte[]> disputed = new LinkedHashMap<>();
        disputed.put("zero-unit-price", variant(envelope, (schema, payload) -> {
            payload.put("unit_price", 0);
            payload.put("total_price", 0);
        }));
        // UUID.fromString accepts it; it is no UUID order-service makes
        disputed.put(
                "order-id-1-1-1-1-1", variant(envelope, (schema, payload) -> payload.put("order_id", "1-1-1-1-1")));
        disputed.put("confirmed-on-orders", variant(envelope, (schema, payload) -> payload.put("status", "CONFIRMED")));
        disputed.put(
                "created-after-9999",
                variant(envelope, (schema, payload) -> payload.put("created_at", 253_402_300_800_000L)));
        disputed.put(
                "total-not-qty-times-price",
                variant(
                        envelope,
                        (schema, payload) -> payload.put(
                                "total_price", payload.get("total_price").asLong() + 1)));
        return disputed;
    }

    /** The same order (its id) with another quantity, and a total that fits it: a contradiction of what was placed. */
    static byte[] sameOrderWithQty(byte[] realOrderEvent, int qty) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(realOrderEvent);
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        payload.put("qty", qty);
        payload.put("total_price", qty * payload.get("unit_price").asLong());
        return bytes(envelope);
    }

    private interface Change {
        void apply(ObjectNode schema, ObjectNode payload);
    }

    private static byte[] variant(ObjectNode envelope, Change change) {
        ObjectNode copy = newOrder(envelope);
        change.apply((ObjectNode) copy.get("schema"), (ObjectNode) copy.get("payload"));
        return bytes(copy);
    }

    /** A copy with an order id of its own. */
    private static ObjectNode newOrder(ObjectNode envelope) {
        ObjectNode copy = envelope.deepCopy();
        ((ObjectNode) copy.get("payload")).put("order_id", UUID.randomUUID().toString());
        return copy;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
