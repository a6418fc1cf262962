package io.github.ordersync.catalogservice.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * order-service's {@code OrderPlaced} envelopes for this service's tests: the golden record of {@code contracts/},
 * with the fields a test sets. A contract, not shared code: if order-service changes the event, these tests fail.
 */
final class PlacedOrders {

    static final Path GOLDEN = Path.of("../contracts/order-placed.json");

    /** The golden record's time of creation. */
    static final Instant CREATED = Instant.ofEpochMilli(1795027627956L);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlacedOrders() {}

    static JsonConverter converter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", true), false);
        return converter;
    }

    static byte[] golden() {
        try {
            return Files.readAllBytes(GOLDEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] envelope(UUID orderId, String productId, int qty, String status) {
        return envelope(orderId, productId, qty, 1500L, status);
    }

    static byte[] envelope(UUID orderId, String productId, int qty, long unitPrice, String status) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(golden());
            ((ObjectNode) envelope.get("payload"))
                    .put("order_id", orderId.toString())
                    .put("product_id", productId)
                    .put("qty", qty)
                    .put("unit_price", unitPrice)
                    .put("total_price", qty * unitPrice)
                    .put("status", status);
            return JSON.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
