package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ordersync.localstack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sees of the running pipeline: API docs, health with the broker and the sink connector,
 * Prometheus metrics, and one trace id from the POST into catalog-service's log.
 */
class ObservabilityIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestPipelines pipeline = new TestPipelines("observability-it", 1);

    @Test
    void healthShowsTheStatusOfTheBrokerTheDatabasesAndTheSinkConnectorButNoDetails() {
        JsonNode health =
                OrderApi.get(pipeline.orderService(0) + "/actuator/health").body();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode components = health.path("components");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("sinkConnector").path("status").asText()).isEqualTo("UP");

        JsonNode catalogHealth =
                OrderApi.get(pipeline.catalogService() + "/actuator/health").body();
        JsonNode catalog = catalogHealth.path("components");
        assertThat(catalog.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(catalog.path("db").path("status").asText()).isEqualTo("UP");
        for (JsonNode anonymous : List.of(health, catalogHealth)) {
            assertThat(anonymous.toString())
                    .doesNotContain("details", "clusterId", "MariaDB", "127.0.0.1", "_service", "orders_sink");
        }
    }

    @Test
    void pausedSinkConnectorIsOutOfServiceWhileTheServiceStaysReady() throws Exception {
        String connector = pipeline.running().stack().connectUrl() + "/connectors/orders-sink";
        put(connector + "/pause");
        try {
            await().atMost(WITHIN).untilAsserted(() -> {
                JsonNode sink = OrderApi.get(pipeline.orderService(0) + "/actuator/health")
                        .body()
                        .path("components")
                        .path("sinkConnector");
                assertThat(sink.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            });
            assertThat(OrderApi.get(pipeline.orderService(0) + "/actuator/health/readiness")
                            .status())
                    .isEqualTo(200);
        } finally {
            put(connector + "/resume");
        }
        await().atMost(WITHIN)
                .until(() -> OrderApi.get(pipeline.orderService(0) + "/actuator/health")
                        .body()
                        .path("components")
                        .path("sinkConnector")
                        .path("status")
                        .asText()
                        .equals("UP"));
    }

    @Test
    void prometheusShowsBusinessMetricsConsumerLagAndHttpLatencyHistograms() throws Exception {
        String product = pipeline.db().newProduct(10, 100);
        String orderId = placeAndAwaitDecided(product, 4);

        String orders = scrape(pipeline.orderService(0));
        assertThat(orders).containsPattern("(?m)^orders_placed_total(\\{.*})? [1-9]");
        assertThat(orders).contains("http_server_requests_seconds_bucket{");
        assertThat(orders).contains("uri=\"/order-service/{userId}/orders\"");

        await().atMost(WITHIN).untilAsserted(() -> {
            String catalog = scrape(pipeline.catalogService());
            assertThat(catalog).containsPattern("(?m)^orders_decided_total\\{.*status=\"CONFIRMED\".*} [1-9]");
            assertThat(catalog).containsPattern("(?m)^catalog_stock_items\\{.*product=\"" + product + "\".*} 6\\.0$");
            assertThat(catalog).contains("kafka_consumer_fetch_manager_records_lag_max{");
            assertThat(catalog).contains("http_server_requests_seconds_bucket{");
        });
        assertThat(orderId).isNotBlank();
    }

    @Test
    void oneTraceIdTravelsFromThePostThroughTheEventIntoTheCatalogLog() throws IOException {
        String product = pipeline.db().newProduct(5, 100);
        String orderId = placeAndAwaitDecided(product, 1);

        ConsumerRecord<String, byte[]> placed = pipeline.kafka().find(LocalStack.ORDERS_TOPIC, orderId);
        String traceId = traceId(placed.headers().lastHeader("traceparent"));

        assertThat(Files.readAllLines(pipeline.running().orderServices().get(0).logFile()))
                .anySatisfy(line -> assertThat(line)
                        .contains("trace=" + traceId)
                        .contains("order=" + orderId)
                        .contains("placed"));
        assertThat(Files.readAllLines(pipeline.running().catalogService().logFile()))
                .anySatisfy(line -> assertThat(line)
                        .contains("trace=" + traceId)
                        .contains("order=" + orderId)
                        .contains("received"));
    }

    @Test
    void apiDocsDescribeBothServicesWithTheirProblemDetails() throws Exception {
        JsonNode orders =
                OrderApi.get(pipeline.orderService(0) + "/v3/api-docs").body();
        JsonNode place =
                orders.path("paths").path("/order-service/{userId}/orders").path("post");
        assertThat(place.path("responses").path("201").isMissingNode()).isFalse();
        assertThat(place.path("responses")
                        .path("400")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .path("invalid")
                        .path("value")
                        .path("title")
                        .asText())
                .isEqualTo("Invalid request");
        assertThat(send(HttpRequest.newBuilder(URI.create(pipeline.orderService(0) + "/swagger-ui/index.html")), 200))
                .contains("Swagger UI");
        assertThat(send(HttpRequest.newBuilder(URI.create(pipeline.orderService(0) + "/asyncapi.yaml")), 200))
                .as("the topics' AsyncAPI document, as written in contracts/")
                .isEqualTo(Files.readString(Path.of("../contracts/asyncapi.yaml")));
        assertThat(send(HttpRequest.newBuilder(URI.create(pipeline.orderService(0) + "/")), 200))
                .as("the live page links to it")
                .contains("href=\"asyncapi.yaml\"");

        JsonNode catalog =
                OrderApi.get(pipeline.catalogService() + "/v3/api-docs").body();
        assertThat(catalog.path("paths")
                        .path("/catalog-service/catalogs/{productId}")
                        .path("get")
                        .path("responses")
                        .path("404")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
    }

    private static String placeAndAwaitDecided(String product, int qty) {
        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "olivia", product, qty, 100);
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        await().atMost(WITHIN)
                .until(
                        () -> OrderApi.get(pipeline.orderService(0) + "/order-service/orders/" + orderId),
                        response -> response.status() == 200
                                && "CONFIRMED"
                                        .equals(response.body().path("status").asText()));
        return orderId;
    }

    /** W3C trace context: {@code 00-<trace id>-<span id>-<flags>}. */
    private static String traceId(Header traceparent) {
        assertThat(traceparent).as("traceparent header").isNotNull();
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts).hasSize(4);
        return parts[1];
    }

    /** The Prometheus text format, which is not JSON. */
    private static String scrape(String service) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                        .GET(),
                200);
    }

    private static void put(String url) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.noBody()), 202);
    }

    private static String send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(15)).build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(built.method() + " " + built.uri()).isEqualTo(expectedStatus);
        return response.body();
    }
}
