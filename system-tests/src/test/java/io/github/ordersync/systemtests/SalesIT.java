package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ordersync.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live sales (catalog-service's Kafka Streams topology) on the real stack: they add up to the shared table's
 * CONFIRMED rows after a load with a catalog-service kill in the middle, survive a restart, and a replay of
 * order-outcomes changes nothing.
 */
class SalesIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String STREAMS_GROUP = "catalog-sales";

    @RegisterExtension
    static final TestPipelines pipeline = new TestPipelines("sales-it", 1);

    /** A product's line of {@code GET /catalog-service/sales}. */
    record Sales(long confirmedQty, long revenue, long rejectedOrders) {}

    @Test
    void threeConfirmedOrdersAndOneRejectedShowInTheSales() {
        String product = pipeline.db().newProduct(6, 1000);
        for (int i = 0; i < 4; i++) {
            awaitDecided(OrderApi.placeOrder(pipeline.orderService(0), "sales-user", product, 2, 1000));
        }
        Instant decided = Instant.now();

        await().atMost(WITHIN).until(() -> new Sales(6, 6000, 1).equals(sales().get(product)));
        System.out.printf(
                "Sales of %s showed %d ms after the last decision%n",
                product, Duration.between(decided, Instant.now()).toMillis());
        JsonNode line = line(product);
        assertThat(line.path("rejectedBy").path("insufficient-stock").asLong()).isEqualTo(1);
    }

    @Test
    void totalsAreTheSharedTablesConfirmedRowsAfterACatalogKillARestartAndAReplay() throws Exception {
        List<String> products = List.of(
                pipeline.db().newProduct(40, 100),
                pipeline.db().newProduct(40, 100),
                pipeline.db().newProduct(40, 100));
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            if (i == 45) {
                pipeline.running().killCatalogService();
                pipeline.running().startCatalogService();
            }
            OrderApi.Response placed =
                    OrderApi.placeOrder(pipeline.orderService(0), "sales-load", products.get(i % 3), 1 + i % 3, 100);
            assertThat(placed.status()).isEqualTo(201);
            orderIds.add(placed.body().path("orderId").asText());
        }
        await().atMost(WITHIN)
                .until(() -> pipeline.db().orderRows(products).stream()
                                .filter(row -> !row.status().equals("PENDING"))
                                .count()
                        == orderIds.size());
        Map<String, Sales> expected = fromTheSharedTable(products);
        assertThat(expected.values().stream().mapToLong(Sales::rejectedOrders).sum())
                .as("some orders ran out of stock")
                .isPositive();

        await().atMost(WITHIN).until(() -> sales(products).equals(expected));

        pipeline.running().stopCatalogService();
        pipeline.running().startCatalogService();
        await().atMost(WITHIN).ignoreExceptions().until(() -> sales(products).equals(expected));

        Map<String, ConsumerRecord<String, byte[]>> outcomes =
                pipeline.kafka().findAll(LocalStack.ORDER_OUTCOMES_TOPIC, Set.copyOf(orderIds));
        List<RecordMetadata> replayed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> outcome : outcomes.values()) {
            replayed.add(pipeline.kafka().produce(outcome.topic(), outcome.key(), outcome.value()));
        }
        replayed.forEach(record -> pipeline.kafka().awaitConsumedPast(STREAMS_GROUP, record));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> sales(products).equals(expected));
    }

    /** Confirmed quantity, revenue and rejected orders per product, summed over the shared table's rows. */
    private static Map<String, Sales> fromTheSharedTable(List<String> products) {
        Map<String, Sales> sums = new HashMap<>();
        for (Databases.OrderState row : pipeline.db().orderRows(products)) {
            boolean confirmed = row.status().equals("CONFIRMED");
            sums.merge(
                    row.productId(),
                    confirmed ? new Sales(row.qty(), row.qty() * 100L, 0) : new Sales(0, 0, 1),
                    (a, b) -> new Sales(
                            a.confirmedQty() + b.confirmedQty(),
                            a.revenue() + b.revenue(),
                            a.rejectedOrders() + b.rejectedOrders()));
        }
        return sums;
    }

    private static Map<String, Sales> sales(List<String> products) {
        return sales().entrySet().stream()
                .filter(product -> products.contains(product.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Sales> sales() {
        OrderApi.Response response = OrderApi.get(pipeline.catalogService() + "/catalog-service/sales");
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        Map<String, Sales> sales = new HashMap<>();
        response.body()
                .forEach(line -> sales.put(
                        line.path("productId").asText(),
                        new Sales(
                                line.path("confirmedQty").asLong(),
                                line.path("revenue").asLong(),
                                line.path("rejectedOrders").asLong())));
        return sales;
    }

    private static JsonNode line(String product) {
        for (JsonNode line : OrderApi.get(pipeline.catalogService() + "/catalog-service/sales")
                .body()) {
            if (line.path("productId").asText().equals(product)) {
                return line;
            }
        }
        throw new AssertionError("No sales line for " + product);
    }

    private static void awaitDecided(OrderApi.Response placed) {
        assertThat(placed.status()).isEqualTo(201);
        String url = pipeline.orderService(0) + "/order-service/orders/"
                + placed.body().path("orderId").asText();
        await().atMost(WITHIN).ignoreExceptions().until(() -> {
            String status = OrderApi.get(url).body().path("status").asText();
            return status.equals("CONFIRMED") || status.equals("REJECTED");
        });
    }
}
