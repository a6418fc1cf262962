package io.github.ordersync.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden records of contracts/, made into other orders for the tests to place. */
final class GoldenRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenRecords() {}

    /**
     * The envelope of {@code contracts/<file>} as another order: its id, its product, 2 × 1,000. Every other field,
     * the schema included, as the golden record has it.
     */
    static byte[] placedOrder(String file, String orderId, String product) throws IOException {
        ObjectNode golden = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("../contracts", file)));
        ((ObjectNode) golden.get("payload"))
                .put("order_id", orderId)
                .put("product_id", product)
                .put("qty", 2)
                .put("unit_price", 1000)
                .put("total_price", 2000);
        return JSON.writeValueAsBytes(golden);
    }
}
