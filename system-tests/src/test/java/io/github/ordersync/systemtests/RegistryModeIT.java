package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.orderrules.OrderSchemas;
import io.github.ordersync.orderrules.RecordFormat;
import io.github.ordersync.orderrules.StrictJsonConverter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry mode ({@code RECORD_FORMAT=avro}) end to end on the real stack: Apicurio Registry with its schemas in
 * Kafka, both services and both connectors writing and reading Avro, the same topics and the same semantics as the
 * envelope. The last test replaces the order schema in the registry, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryModeIT {

    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestPipelines pipeline = new TestPipelines("registry-mode-it", 1, Map.of("RECORD_FORMAT", "avro"));

    @Test
    @Order(1)
    void orderTravelsAsAvroAndIsConfirmedTakesStockAndLandsInTheSharedTable() {
        String product = pipeline.db().newProduct(20, 1500);

        OrderApi.Response placed = OrderApi.placeOrder(pipeline.orderService(0), "alice", product, 3, 1500);

        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        assertThat(awaitDecided(orderId).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(pipeline.db().stock(product)).isEqualTo(17);
        assertThat(pipeline.db().orderRow(orderId))
                .containsEntry("status", "CONFIRMED")
                .containsEntry("total_price", 4500L)
                .containsEntry("product_id", product);

        // On the wire: Apicurio's magic byte, the schema's 8-byte global id, then Avro; read back by the id alone
        for (String topic : List.of(LocalStack.ORDERS_TOPIC, LocalStack.ORDER_OUTCOMES_TOPIC)) {
            ConsumerRecord<String, byte[]> record = pipeline.kafka().find(topic, orderId);
            assertThat(record.value()[0]).as(topic).isZero();
            assertThat(record.headers().toArray())
                    .as(topic)
                    .noneMatch(header -> header.key().startsWith("apicurio"));
            Struct read = (Struct) avro().toConnectData(topic, record.value()).value();
            assertThat(read.getString("order_id")).isEqualTo(orderId);
        }
        assertThat(pipeline.kafka().find(LocalStack.ORDERS_TOPIC, orderId).value())
                .as("the placed order in Avro, against %d bytes as the envelope", envelopeBytes())
                .hasSizeLessThan(envelopeBytes() / 4);
    }

    @Test
    @Order(2)
    void theRegistryHoldsOneSchemaPerTopicUnderItsBackwardRuleAndKeepsThemAcrossARestart() throws Exception {
        placeAndDecide(pipeline.orderService(0)); // both services and the source connector registered their schemas

        assertThat(registry("/admin/rules/COMPATIBILITY").path("config").asText())
                .isEqualTo("BACKWARD");
        List<String> artifacts = artifactIds();
        assertThat(artifacts).contains("orders-value", "order-outcomes-value", "catalog-products-value");

        // Down while a new order-service instance starts: it cannot look up the product schema, retries until the
        // registry is back, then reads the whole catalog (it is ready only then) and takes orders.
        pipeline.running().stack().stopRegistry();
        CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> {
            await().pollDelay(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> true);
            pipeline.running().stack().startRegistry();
        });
        String startedWithoutRegistry =
                pipeline.running().startAnotherOrderService().url();
        restarted.join();

        assertThat(artifactIds()).containsAll(artifacts);
        assertThat(registry("/admin/rules/COMPATIBILITY").path("config").asText())
                .isEqualTo("BACKWARD");
        assertThat(OrderApi.get(startedWithoutRegistry + "/order-service/products")
                        .body()
                        .findValuesAsText("productId"))
                .as("every product of the catalog, none skipped while the registry was down")
                .containsAll(OrderApi.get(pipeline.orderService(0) + "/order-service/products")
                        .body()
                        .findValuesAsText("productId"));
        placeAndDecide(startedWithoutRegistry);
    }

    @Test
    @Order(3)
    void orderFromANewerProducerWithAnAddedOptionalFieldIsDecidedAndStoredByBothConsumers() throws Exception {
        String product = pipeline.db().newProduct(10, 1000);
        String orderId = UUID.randomUUID().toString();
        // the golden record of a newer producer (an optional coupon code), written in Avro as that producer would
        SchemaAndValue newer = goldenRecord("order-placed-v2.json", orderId, product);

        byte[] value = avro().fromConnectData(LocalStack.ORDERS_TOPIC, newer.schema(), newer.value());
        pipeline.kafka().produce(LocalStack.ORDERS_TOPIC, orderId, value);

        assertThat(awaitDecided(orderId).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(pipeline.db().orderRow(orderId))
                .containsEntry("qty", 2)
                .containsEntry("total_price", 2000L)
                .doesNotContainKey("coupon_code");
        assertThat(pipeline.db().stock(product)).isEqualTo(8);
        assertThat(registry("/groups/default/artifacts/orders-value/versions")
                        .path("count")
                        .asInt())
                .as("the newer schema is a second version of orders-value")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(4)
    void aProducersSchemaWithANewRequiredFieldIsRefusedByTheRegistryAndNothingIsWritten() throws Exception {
        SchemaAndValue placed =
                goldenRecord("order-placed.json", UUID.randomUUID().toString(), "CATALOG-001");
        SchemaBuilder withRequired = SchemaBuilder.struct().name(OrderSchemas.PLACED.name());
        placed.schema().fields().forEach(field -> withRequired.field(field.name(), field.schema()));
        Schema incompatible =
                withRequired.field("channel", Schema.STRING_SCHEMA).build();
        Struct order = new Struct(incompatible).put("channel", "web");
        for (Field field : placed.schema().fields()) {
            order.put(field.name(), ((Struct) placed.value()).get(field));
        }
        long written = pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC));

        assertThatThrownBy(() -> avro().fromConnectData(LocalStack.ORDERS_TOPIC, incompatible, order))
                .hasMessageContaining("Incompatible artifact: orders-value")
                .hasMessageContaining("channel");
        assertThat(pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC)))
                .isEqualTo(written);
    }

    /**
     * Another producer has registered an order schema this order-service cannot follow ({@code qty} a string): its
     * first order is refused by the registry, answered with a 500 problem detail that says why, and never sent.
     */
    @Test
    @Order(5)
    void orderServiceWhoseSchemaTheRegistryRefusesAnswers500ProblemDetailAndWritesNothing() throws Exception {
        String product = pipeline.db().newProduct(5, 700);
        deleteArtifact("orders-value");
        createArtifact("orders-value", """
                {"type":"record","name":"OrderPlaced","namespace":"io.github.ordersync",
                 "fields":[{"name":"order_id","type":"string"},{"name":"qty","type":"string"}]}""");
        // a new instance, which has not registered its schema yet
        String orderService = pipeline.running().startAnotherOrderService().url();
        long written = pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC));

        OrderApi.Response refused = OrderApi.placeOrder(orderService, "bob", product, 1, 700);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body().path("title").asText()).isEqualTo("Order event not writable");
        assertThat(refused.body().path("detail").asText())
                .contains("Incompatible artifact: orders-value")
                .contains("Nothing was sent to the broker");
        assertThat(refused.body().path("mayStillBePlaced").asBoolean()).isFalse();
        assertThat(pipeline.kafka().endOffsets(List.of(LocalStack.ORDERS_TOPIC)))
                .isEqualTo(written);
        assertThat(pipeline.db().stock(product)).isEqualTo(5);
    }

    private static void placeAndDecide(String orderService) {
        String product = pipeline.db().newProduct(5, 900);
        OrderApi.Response placed = OrderApi.placeOrder(orderService, "carol", product, 1, 900);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(awaitDecided(placed.body().path("orderId").asText())
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    private static JsonNode awaitDecided(String orderId) {
        return await().atMost(DECIDED_WITHIN)
                .until(
                        () -> OrderApi.get(pipeline.orderService(0) + "/order-service/orders/" + orderId),
                        response -> response.status() == 200
                                && !"PENDING"
                                        .equals(response.body().path("status").asText()))
                .body();
    }

    /** A golden record of contracts/ as Connect data, for another order of another product. */
    private static SchemaAndValue goldenRecord(String file, String orderId, String product) throws IOException {
        return StrictJsonConverter.forValues()
                .toConnectData(LocalStack.ORDERS_TOPIC, GoldenRecords.placedOrder(file, orderId, product));
    }

    private static int envelopeBytes() {
        try {
            return Files.readAllBytes(Path.of("../contracts/order-placed.json")).length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Converter avro() {
        return RecordFormat.AVRO.valueConverter(
                pipeline.running().stack().settings().registryApiUrl());
    }

    private static List<String> artifactIds() {
        return registry("/groups/default/artifacts?limit=100").path("artifacts").findValuesAsText("artifactId");
    }

    private static JsonNode registry(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(registryUri(path)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteArtifact(String artifactId) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(registryUri("/groups/default/artifacts/" + artifactId))
                        .DELETE());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static void createArtifact(String artifactId, String avroSchema) throws IOException {
        ObjectNode request =
                JSON.createObjectNode().put("artifactId", artifactId).put("artifactType", "AVRO");
        request.putObject("firstVersion")
                .putObject("content")
                .put("content", avroSchema)
                .put("contentType", "application/json");
        HttpResponse<String> response = send(HttpRequest.newBuilder(registryUri("/groups/default/artifacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static URI registryUri(String path) {
        return URI.create(pipeline.running().stack().registryUrl() + "/apis/registry/v3" + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
