package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.StackWithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sends the bad-input corpus and the requests an intruder tries first. Every one is answered with a 4xx problem
 * detail that gives away no internals, and none of them puts anything on the orders topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What an error answer must never show: stack frames, exception class names, SQL, driver details. */
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "at java.",
            "at org.",
            "at io.",
            "\tat ",
            "java.lang",
            "org.springframework",
            "SQL",
            "mariadb",
            "jdbc",
            "Hikari",
            "tomcat");

    private static StackWithServices pipeline;
    private static KafkaProbe kafka;
    private static String orderService;
    private static String catalogService;
    private static long ordersBefore;
    private static final Map<Integer, AtomicInteger> STATUSES = new TreeMap<>();

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = TestPipelines.start("bad-input-it", 1);
        kafka = new KafkaProbe(pipeline.stack().bootstrapServers());
        orderService = pipeline.orderServices().get(0).url();
        catalogService = pipeline.catalogService().url();
        ordersBefore = kafka.endOffsets(List.of(LocalStack.ORDERS_TOPIC));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyBadRequestIsAnsweredWithAProblemDetailAndNoInternals() {
        List<BadRequests.BadRequest> corpus = BadRequests.corpus();
        System.out.println("Bad-input corpus: " + corpus.size() + " requests");
        return corpus.stream()
                .map(request -> DynamicTest.dynamicTest(request.what(), () -> {
                    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(orderService + request.path()))
                            .timeout(Duration.ofSeconds(30))
                            .method(
                                    request.method(),
                                    request.body() == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
                    if (request.contentType() != null) {
                        builder.header("Content-Type", request.contentType());
                    }
                    request.headers().forEach(builder::header);

                    assertIsAProblemDetail(HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
                }));
    }

    @Test
    @Order(2)
    void noBadRequestPutAnythingOnTheOrdersTopic() throws Exception {
        System.out.println("Bad-input corpus answers by status: " + STATUSES);
        assertThat(STATUSES).isNotEmpty();
        assertThat(kafka.endOffsets(List.of(LocalStack.ORDERS_TOPIC))).isEqualTo(ordersBefore);
    }

    @Test
    @Order(3)
    void actuatorShowsHealthInfoMetricsAndPrometheusOnly() throws Exception {
        for (String service : List.of(orderService, catalogService)) {
            for (String open : List.of("health", "info", "metrics", "prometheus")) {
                assertThat(get(service + "/actuator/" + open).statusCode())
                        .as(service + "/actuator/" + open)
                        .isEqualTo(200);
            }
            for (String closed : List.of(
                    "env",
                    "configprops",
                    "heapdump",
                    "threaddump",
                    "beans",
                    "mappings",
                    "loggers",
                    "shutdown",
                    "conditions",
                    "scheduledtasks",
                    "sbom",
                    "startup")) {
                HttpResponse<String> response = get(service + "/actuator/" + closed);
                assertThat(response.statusCode())
                        .as(service + "/actuator/" + closed)
                        .isEqualTo(404);
                assertIsAProblemDetail(response);
            }
        }
    }

    @Test
    @Order(4)
    void catalogAnswersBadProductIdsWithProblemDetails() throws Exception {
        for (String productId : List.of("x".repeat(500), "%00", "'%20OR%20'1'%3D'1", "..%2F..%2Fetc", "%C3%28")) {
            assertIsAProblemDetail(get(catalogService + "/catalog-service/catalogs/" + productId));
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertIsAProblemDetail(HttpResponse<String> response) throws Exception {
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
                    .incrementAndGet();
        }
        assertThat(response.statusCode()).as("status of %s", response.uri()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
                .as("content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(response.body()).as("an error answer shows no internals").doesNotContain(INTERNALS);
    }
}
