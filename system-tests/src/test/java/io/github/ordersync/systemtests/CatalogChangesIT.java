package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ordersync.localstack.ConnectorRegistrar;
import io.github.ordersync.localstack.ServiceProcess;
import io.github.ordersync.localstack.StackDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalog changes reach order-service through the binlog, the catalog-source connector (Debezium) and the
 * catalog-products topic, on the real stack: each within 2 s, none missed or reordered when the connector's worker is
 * killed mid-change, the stream resuming after MariaDB restarts, and an order racing a price change never confirmed
 * at a price the catalog no longer had.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogChangesIT {

    private static final Duration SEEN_WITHIN = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestPipelines pipeline = new TestPipelines("catalog-changes-it", 2);

    @Test
    @Order(1)
    void createRepriceRestockAndDeleteEachReachEveryOrderServiceWithinTwoSeconds() {
        String product = "NEW-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(catalog("POST", "", product(product, "Seoul", 1200, 50)).status())
                .isEqualTo(201);
        awaitEverywhere(
                "create",
                product,
                line -> line != null && line.path("unitPrice").asLong() == 1200);

        assertThat(catalog("PUT", "/" + product, "{\"productName\":\"Seoul\",\"unitPrice\":1300}")
                        .status())
                .isEqualTo(200);
        awaitEverywhere(
                "reprice",
                product,
                line -> line != null && line.path("unitPrice").asLong() == 1300);

        OrderApi.Response oldPrice = OrderApi.placeOrder(pipeline.orderService(0), "eve", product, 1, 1200);
        assertThat(oldPrice.status()).isEqualTo(409);
        assertThat(oldPrice.body().path("currentUnitPrice").asLong()).isEqualTo(1300);

        assertThat(catalog("POST", "/" + product + "/restock", "{\"qty\":5}")
                        .body()
                        .path("stock")
                        .asInt())
                .isEqualTo(55);
        awaitEverywhere(
                "restock", product, line -> line != null && line.path("stock").asInt() == 55);

        assertThat(catalog("DELETE", "/" + product, null).status()).isEqualTo(204);
        awaitEverywhere("delete", product, line -> line == null);
        assertThat(OrderApi.placeOrder(pipeline.orderService(1), "eve", product, 1, 1300)
                        .status())
                .isEqualTo(422);
    }

    @Test
    @Order(2)
    void theConnectorsRecordIsTheGoldenRecordOrderServiceIsTestedAgainst() throws Exception {
        String product = pipeline.db().newProduct(100, 1500);
        ConsumerRecord<String, byte[]> record =
                changes(product).get(changes(product).size() - 1);

        JsonNode golden = JSON.readTree(Files.readAllBytes(Path.of("../contracts/catalog-product.json")));
        JsonNode published = JSON.readTree(record.value());
        assertThat(published.path("schema")).isEqualTo(golden.path("schema"));
        assertThat(published.path("payload").path("product_id").asText()).isEqualTo(product);
        assertThat(record.key()).isEqualTo(product);
    }

    @Test
    @Order(3)
    void connectWorkerKilledMidChangesMissesNoneAndAppliesThemInOrder() throws Exception {
        String product = pipeline.db().newProduct(10, 1);
        int changes = 60;
        CompletableFuture<Void> repricing = CompletableFuture.runAsync(() -> {
            for (int price = 2; price <= changes; price++) {
                assertThat(catalog("PUT", "/" + product, "{\"productName\":\"p\",\"unitPrice\":" + price + "}")
                                .status())
                        .isEqualTo(200);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> priceInOrderService(0, product) >= 10);
        pipeline.running().stack().killConnect();
        pipeline.running().stack().startConnect();
        repricing.join();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> priceInOrderService(0, product) == changes && priceInOrderService(1, product) == changes);
        long highest = 0;
        List<Long> prices = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> change : changes(product)) {
            long price = JSON.readTree(change.value())
                    .path("payload")
                    .path("unit_price")
                    .asLong();
            prices.add(price);
            // a restart may publish some changes again (at least once), never skip one or go back without replaying
            assertThat(price).as("prices in the topic, in order: %s", prices).isLessThanOrEqualTo(highest + 1);
            highest = Math.max(highest, price);
        }
        assertThat(highest).isEqualTo(changes);
    }

    @Test
    @Order(4)
    void aNewOrderServiceInstanceIsReadyOnlyOnceItKnowsTheWholeCatalog() throws Exception {
        // by now catalog-products holds well over a hundred changes to read first, and one it cannot read
        String unreadable = Files.readString(Path.of("../contracts/catalog-product.json"))
                .replace("CATALOG-001", "BROKEN-1")
                .replace("unit_price", "price");
        pipeline.kafka()
                .produce(
                        StackDefinition.topicName("catalog-products"),
                        "BROKEN-1",
                        unreadable.getBytes(StandardCharsets.UTF_8));
        List<String> catalog = OrderApi.get(pipeline.catalogService() + "/catalog-service/catalogs")
                .body()
                .findValuesAsText("productId");

        try (ServiceProcess late = pipeline.running().startAnotherOrderService()) {
            // start() returned as soon as /actuator/health/readiness answered 200
            JsonNode products =
                    OrderApi.get(late.url() + "/order-service/products").body();

            assertThat(products.path("caughtUp").asBoolean()).isTrue();
            assertThat(products.path("products").findValuesAsText("productId")).containsAll(catalog);
        }
    }

    @Test
    @Order(5)
    void mariaDbRestartedTheStreamResumes() {
        String product = pipeline.db().newProduct(10, 100);

        pipeline.running().stack().stopMariaDb();
        pipeline.running().stack().startMariaDb();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> catalog("PUT", "/" + product, "{\"productName\":\"p\",\"unitPrice\":101}")
                                .status()
                        == 200);
        new ConnectorRegistrar(pipeline.running().stack().connectUrl()).awaitRunning("catalog-source");

        await().atMost(Duration.ofSeconds(60)).until(() -> priceInOrderService(0, product) == 101);
    }

    @Test
    @Order(6)
    void anOrderRacingAPriceChangeIsConfirmedAtThePriceTheCatalogHadOrRejectedNamingBoth() {
        List<CompletableFuture<OrderApi.Response>> orders = new ArrayList<>();
        List<CompletableFuture<OrderApi.Response>> changes = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            products.add(pipeline.db().newProduct(100, 1000));
        }
        for (int i = 0; i < 20; i++) {
            String product = products.get(i);
            orders.add(CompletableFuture.supplyAsync(
                    () -> OrderApi.placeOrder(pipeline.orderService(0), "racer", product, 1, 1000)));
            // the price changes 0 to 3.8 s after the order is sent: before, during and after its decision
            changes.add(CompletableFuture.supplyAsync(
                    () -> catalog("PUT", "/" + product, "{\"productName\":\"p\",\"unitPrice\":2000}"),
                    CompletableFuture.delayedExecutor(200L * i, TimeUnit.MILLISECONDS)));
        }
        changes.forEach(change -> assertThat(change.join().status()).isEqualTo(200));
        int confirmed = 0;
        int rejected = 0;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderApi.Response placed = orders.get(i).join();
            if (placed.status() == 409) {
                continue; // refused by order-service: the read model had the new price already
            }
            assertThat(placed.status()).isEqualTo(201);
            String orderId = placed.body().path("orderId").asText();
            JsonNode order = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> OrderApi.get(pipeline.orderService(1) + "/order-service/orders/" + orderId),
                            response -> response.status() == 200
                                    && !"PENDING"
                                            .equals(response.body()
                                                    .path("status")
                                                    .asText()))
                    .body();
            latencies.add(Duration.between(
                            java.time.Instant.parse(order.path("createdAt").asText()),
                            java.time.Instant.parse(order.path("decidedAt").asText()))
                    .toMillis());
            if ("CONFIRMED".equals(order.path("status").asText())) {
                confirmed++;
                // Confirmed at 1000 only while the catalog had 1000: the binlog shows the stock taken (100 -> 99)
                // before the price became 2000, never after it.
                String product = products.get(i);
                JsonNode firstAt2000 = await().atMost(Duration.ofSeconds(30))
                        .until(() -> firstRowAt(product, 2000), row -> row != null);
                assertThat(firstAt2000.path("stock").asInt())
                        .as("stock of %s when its price became 2000", product)
                        .isEqualTo(99);
            } else {
                rejected++;
                assertThat(order.path("reason").asText())
                        .isEqualTo("Price of " + products.get(i) + " is 2000, the order says 1000");
            }
        }
        System.out.printf(
                "Orders racing a price change: %d confirmed, %d rejected by the catalog, %d refused (409);"
                        + " decided after (ms): %s%n",
                confirmed, rejected, orders.size() - confirmed - rejected, latencies);
        assertThat(confirmed).as("orders decided before their price changed").isPositive();
    }

    private static JsonNode firstRowAt(String product, long unitPrice) throws Exception {
        for (ConsumerRecord<String, byte[]> change : changes(product)) {
            JsonNode row = JSON.readTree(change.value()).path("payload");
            if (row.path("unit_price").asLong() == unitPrice) {
                return row;
            }
        }
        return null;
    }

    private static String product(String id, String name, long unitPrice, int stock) {
        return "{\"productId\":\"" + id + "\",\"productName\":\"" + name + "\",\"unitPrice\":" + unitPrice
                + ",\"stock\":" + stock + "}";
    }

    private static OrderApi.Response catalog(String method, String path, String json) {
        return OrderApi.call(method, pipeline.catalogService() + "/catalog-service/catalogs" + path, json);
    }

    /**
     * Waits until each order-service instance's read model shows the product as the check wants (null: absent), and
     * prints how long that took after the catalog's answer.
     */
    private static void awaitEverywhere(String change, String product, Predicate<JsonNode> check) {
        long answered = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            int instance = i;
            await().atMost(SEEN_WITHIN)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> check.test(line(instance, product)));
        }
        System.out.printf(
                "%-8s seen by both order-service instances %3d ms after the catalog answered%n",
                change, (System.nanoTime() - answered) / 1_000_000);
    }

    private static JsonNode line(int instance, String product) {
        for (JsonNode line : OrderApi.get(pipeline.orderService(instance) + "/order-service/products")
                .body()
                .path("products")) {
            if (line.path("productId").asText().equals(product)) {
                return line;
            }
        }
        return null;
    }

    private static long priceInOrderService(int instance, String product) {
        JsonNode line = line(instance, product);
        return line == null ? -1 : line.path("unitPrice").asLong();
    }

    /** The product's records on catalog-products, in order. */
    private static List<ConsumerRecord<String, byte[]>> changes(String product) {
        String topic = StackDefinition.topicName("catalog-products");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.running().stack().bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (product.equals(record.key()) && record.value() != null) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }
}
