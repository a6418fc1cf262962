package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ordersync.localstack.LocalStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline end to end on the real stack: two order-service instances and one catalog-service, each in its
 * own JVM, Kafka, MariaDB and the Kafka Connect JDBC sink.
 */
class OrderPipelineIT {

    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestPipelines pipeline = new TestPipelines("system-it", 2);

    @Test
    void placedOrderIsConfirmedTakesStockAndLandsInTheSharedTable() {
        String product = pipeline.db().newProduct(20, 1500);

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "alice", product, 3, 1500);

        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        assertThat(placed.raw().headers().firstValue("Location")).hasValue("/order-service/orders/" + orderId);
        assertThat(placed.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(placed.body().path("totalPrice").asLong()).isEqualTo(4500);

        JsonNode order = awaitDecided(pipeline.orderService(1), orderId);
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("userId").asText()).isEqualTo("alice");
        assertThat(order.path("qty").asInt()).isEqualTo(3);
        assertThat(catalogStock(product)).isEqualTo(17);
        assertThat(pipeline.db().orderRow(orderId))
                .containsEntry("status", "CONFIRMED")
                .containsEntry("total_price", 4500L)
                .containsEntry("product_id", product);
    }

    @Test
    void instantsStayTheSameFromThePostToTheGetWhileEverythingRunsOutsideUtc() {
        assertThat(TimeZone.getDefault().getRawOffset())
                .as("the pipeline runs in TZ=Asia/Seoul (failsafe's environment)")
                .isNotZero();
        assertThat(pipeline.db().timeZones()).as("MariaDB's zones").doesNotContain("UTC");
        String product = pipeline.db().newProduct(20, 1500);

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "alice", product, 1, 1500);

        Instant createdAt = Instant.parse(placed.body().path("createdAt").asText());
        JsonNode order = awaitDecided(
                pipeline.orderService(1), placed.body().path("orderId").asText());
        assertThat(Instant.parse(order.path("createdAt").asText())).isEqualTo(createdAt);
        assertThat(Instant.parse(order.path("decidedAt").asText()))
                .isBetween(createdAt, Instant.now().plusSeconds(1));
    }

    @Test
    void orderAtAnotherPriceThanTheCatalogsIsRefusedWith409NamingTheCurrentPriceAndNothingIsPublished()
            throws Exception {
        String product = pipeline.db().newProduct(20, 1500);
        long published = pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC));

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "mallory", product, 5, 1);

        assertThat(placed.status()).isEqualTo(409);
        assertThat(placed.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(placed.body().path("title").asText()).isEqualTo("Price changed");
        assertThat(placed.body().path("currentUnitPrice").asLong()).isEqualTo(1500);
        assertThat(placed.body().path("detail").asText()).contains("costs 1500 now, not 1");
        assertThat(pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC)))
                .isEqualTo(published);
        assertThat(catalogStock(product)).isEqualTo(20);
    }

    @Test
    void aUserNamedInHangulPlacesAnOrderAndFindsItUnderTheirName() {
        String product = pipeline.db().newProduct(20, 1500);
        String user = URLEncoder.encode("김민준", StandardCharsets.UTF_8);

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), user, product, 1, 1500);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("userId").asText()).isEqualTo("김민준");
        String orderId = placed.body().path("orderId").asText();
        assertThat(awaitDecided(pipeline.orderService(1), orderId)
                        .path("userId")
                        .asText())
                .isEqualTo("김민준");
        assertThat(OrderApi.get(pipeline.orderService(1) + "/order-service/" + user + "/orders")
                        .body()
                        .findValuesAsText("orderId"))
                .contains(orderId);
    }

    @Test
    void orderLargerThanStockIsRejectedWithReasonAndStockIsUnchanged() {
        String product = pipeline.db().newProduct(5, 1000);

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "bob", product, 6, 1000);

        JsonNode order = awaitDecided(
                pipeline.orderService(0), placed.body().path("orderId").asText());
        assertThat(order.path("status").asText()).isEqualTo("REJECTED");
        assertThat(order.path("reason").asText()).contains("Insufficient stock");
        assertThat(catalogStock(product)).isEqualTo(5);
    }

    @Test
    void orderForAnUnknownProductIsRefusedWith422AndNothingIsPublished() throws Exception {
        long published = pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC));

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(1), "bob", "NO-SUCH-PRODUCT", 1, 1000);

        assertThat(placed.status()).isEqualTo(422);
        assertThat(placed.body().path("title").asText()).isEqualTo("Unknown product");
        assertThat(placed.body().path("detail").asText()).isEqualTo("The catalog has no product NO-SUCH-PRODUCT.");
        assertThat(pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC)))
                .isEqualTo(published);
    }

    @Test
    void ordersTakenByTwoInstancesAtOnceAllLandInTheOneSharedTable() throws Exception {
        String product = pipeline.db().newProduct(1_000, 100);
        String user = "carol-" + UUID.randomUUID().toString().substring(0, 8);

        List<OrderApi.Response> responses = placeConcurrently(
                40,
                i -> OrderApi.placeOrder(
                        i % 2 == 0 ? pipeline.orderService(0) : pipeline.orderService(1), user, product, 1, 100));
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        List<String> orderIds = responses.stream()
                .map(response -> response.body().path("orderId").asText())
                .toList();

        for (String service : List.of(pipeline.orderService(0), pipeline.orderService(1))) {
            await().atMost(DECIDED_WITHIN).untilAsserted(() -> {
                JsonNode listed = OrderApi.get(service + "/order-service/" + user + "/orders")
                        .body();
                List<String> listedIds = new ArrayList<>();
                listed.forEach(order -> listedIds.add(order.path("orderId").asText()));
                assertThat(listedIds).containsExactlyInAnyOrderElementsOf(orderIds);
            });
        }
        await().atMost(DECIDED_WITHIN)
                .until(() -> pipeline.db().statusCounts(product).equals(Map.of("CONFIRMED", 40)));
        assertThat(catalogStock(product)).isEqualTo(960);
    }

    @Test
    void redeliveredOrderEventChangesStockOnlyOnce() throws Exception {
        String product = pipeline.db().newProduct(10, 1000);
        String orderId = OrderApi.placeOrder(pipeline.orderService(0), "dave", product, 4, 1000)
                .body()
                .path("orderId")
                .asText();
        assertThat(awaitDecided(pipeline.orderService(0), orderId)
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");

        ConsumerRecord<String, byte[]> original = pipeline.kafka().find(LocalStack.ORDERS_TOPIC, orderId);
        RecordMetadata duplicate = pipeline.kafka().produce(LocalStack.ORDERS_TOPIC, orderId, original.value());
        pipeline.kafka().awaitConsumedPast("catalog-service", duplicate);

        assertThat(catalogStock(product)).isEqualTo(6);
        assertThat(pipeline.db().orderRow(orderId)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void orderEventFromANewerProducerWithAnAddedOptionalFieldIsDecidedAndStoredByBothConsumers() throws Exception {
        String product = pipeline.db().newProduct(10, 1000);
        // the golden record of a newer producer: version 2 of the schema adds an optional coupon code
        String orderId = UUID.randomUUID().toString();
        byte[] newer = GoldenRecords.placedOrder("order-placed-v2.json", orderId, product);

        pipeline.kafka().produce(LocalStack.ORDERS_TOPIC, orderId, newer);

        assertThat(awaitDecided(pipeline.orderService(1), orderId)
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        assertThat(pipeline.db().orderRow(orderId))
                .containsEntry("qty", 2)
                .containsEntry("total_price", 2000L)
                .doesNotContainKey("coupon_code");
        assertThat(catalogStock(product)).isEqualTo(8);
    }

    @Test
    void fiftyConcurrentOrdersForTenInStockConfirmTenAndRejectForty() throws Exception {
        String product = pipeline.db().newProduct(10, 500);

        List<OrderApi.Response> responses = placeConcurrently(
                50,
                i -> OrderApi.placeOrder(
                        i % 2 == 0 ? pipeline.orderService(0) : pipeline.orderService(1), "erin", product, 1, 500));
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(201));

        await().atMost(DECIDED_WITHIN)
                .until(() -> pipeline.db().statusCounts(product).equals(Map.of("CONFIRMED", 10, "REJECTED", 40)));
        assertThat(catalogStock(product)).isZero();
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndTheNextOrderIsStillConfirmed() throws Exception {
        String poison = "this is not an order " + UUID.randomUUID();
        pipeline.kafka().produce(LocalStack.ORDERS_TOPIC, "poison", poison.getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> deadLetter =
                pipeline.kafka().find(LocalStack.ORDERS_DEAD_LETTER_TOPIC, "poison");
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(new String(
                        deadLetter
                                .headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("Not a Kafka Connect JSON envelope");

        String product = pipeline.db().newProduct(3, 100);
        String orderId = OrderApi.placeOrder(pipeline.orderService(1), "frank", product, 1, 100)
                .body()
                .path("orderId")
                .asText();
        assertThat(awaitDecided(pipeline.orderService(0), orderId)
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void invalidOrderIsAnsweredWithAProblemDetailNamingTheField() {
        OrderApi.Response response = OrderApi.placeOrder(pipeline.orderService(0), "grace", "CATALOG-001", 0, 1500);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("qty");
    }

    @Test
    void unknownOrderIsNotFound() {
        OrderApi.Response response =
                OrderApi.get(pipeline.orderService(0) + "/order-service/orders/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("title").asText()).isEqualTo("Order not found");
    }

    /** Sends the requests from 16 client threads at once and returns the responses in request order. */
    private static List<OrderApi.Response> placeConcurrently(int count, IntFunction<OrderApi.Response> request)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<OrderApi.Response>> futures = IntStream.range(0, count)
                    .mapToObj(i -> clients.submit(() -> request.apply(i)))
                    .toList();
            List<OrderApi.Response> responses = new ArrayList<>();
            for (Future<OrderApi.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static JsonNode awaitDecided(String orderService, String orderId) {
        return await().atMost(DECIDED_WITHIN)
                .until(
                        () -> OrderApi.get(orderService + "/order-service/orders/" + orderId),
                        response -> response.status() == 200
                                && !"PENDING"
                                        .equals(response.body().path("status").asText()))
                .body();
    }

    private static int catalogStock(String productId) {
        OrderApi.Response product = OrderApi.get(pipeline.catalogService() + "/catalog-service/catalogs/" + productId);
        assertThat(product.status()).isEqualTo(200);
        int stock = product.body().path("stock").asInt();
        assertThat(stock).isEqualTo(pipeline.db().stock(productId));
        return stock;
    }
}
