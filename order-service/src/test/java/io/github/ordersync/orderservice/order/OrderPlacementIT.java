package io.github.ordersync.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.orderservice.TestInfrastructure;
import io.github.ordersync.orderservice.product.CatalogRecords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class OrderPlacementIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${orders.events.topic}")
    String ordersTopic;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaAdmin admin;

    @Value("${orders.products.topic}")
    String productsTopic;

    /** The catalog as the catalog-source connector would publish it: CATALOG-001 at 1500, in the read model. */
    @BeforeEach
    void catalogHasCatalog001() throws Exception {
        CatalogRecords.publish(admin, productsTopic, "CATALOG-001", CatalogRecords.product("CATALOG-001", 1500));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/order-service/products").body().contains("\"unitPrice\":1500"));
    }

    @Test
    void publishesThePlacedOrderAsAConnectEnvelope() throws Exception {
        HttpResponse<String> created = post("/order-service/user-1/orders", """
                {"productId":"CATALOG-001","qty":3,"unitPrice":1500}""");

        assertThat(created.statusCode()).isEqualTo(201);
        String orderId = json.readTree(created.body()).path("orderId").asString();
        JsonNode event = json.readTree(eventFor(orderId));
        assertThat(event.path("schema").path("name").asString()).isEqualTo("io.github.ordersync.OrderPlaced");
        JsonNode payload = event.path("payload");
        assertThat(payload.path("order_id").asString()).isEqualTo(orderId);
        assertThat(payload.path("user_id").asString()).isEqualTo("user-1");
        assertThat(payload.path("qty").asInt()).isEqualTo(3);
        assertThat(payload.path("total_price").asLong()).isEqualTo(4500);
        assertThat(payload.path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void refusesAnOrderAtAnotherPriceThanTheCatalogsWith409NamingTheCurrentOne() throws Exception {
        HttpResponse<String> refused = post("/order-service/user-1/orders", """
                {"productId":"CATALOG-001","qty":3,"unitPrice":1400}""");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(refused.body()).path("currentUnitPrice").asLong())
                .isEqualTo(1500);
    }

    @Test
    void refusesAnOrderForAProductTheCatalogDeletedWith422() throws Exception {
        CatalogRecords.publish(admin, productsTopic, "GONE-1", CatalogRecords.product("GONE-1", 10));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/order-service/products").body().contains("GONE-1"));
        CatalogRecords.publish(admin, productsTopic, "GONE-1", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !get("/order-service/products").body().contains("GONE-1"));

        HttpResponse<String> refused = post("/order-service/user-1/orders", """
                {"productId":"GONE-1","qty":1,"unitPrice":10}""");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("title").asString()).isEqualTo("Unknown product");
    }

    @Test
    void anUnreadableCatalogChangeIsSkippedAndTheChangesAfterItAreApplied() throws Exception {
        String renamedField = CatalogRecords.product("BROKEN-1", 10).replace("unit_price", "price");
        CatalogRecords.publish(admin, productsTopic, "BROKEN-1", renamedField);
        CatalogRecords.publish(admin, productsTopic, "AFTER-BROKEN-1", CatalogRecords.product("AFTER-BROKEN-1", 10));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/order-service/products").body().contains("AFTER-BROKEN-1"));
        assertThat(get("/order-service/products").body()).doesNotContain("\"BROKEN-1\"");
        HttpResponse<String> refused = post("/order-service/user-1/orders", """
                {"productId":"BROKEN-1","qty":1,"unitPrice":10}""");
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    void answersNotFoundForAnOrderNobodyPlaced() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/order-service/orders/" + UUID.randomUUID())));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(404);
    }

    /** The value of the record keyed by the order id on the orders topic. */
    private String eventFor(String orderId) {
        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer =
                consumers.createConsumer("order-placement-it-" + UUID.randomUUID(), null, null, fromTheStart)) {
            consumer.subscribe(List.of(ordersTopic));
            List<String> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.equals(record.key())) {
                        found.add(record.value());
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
