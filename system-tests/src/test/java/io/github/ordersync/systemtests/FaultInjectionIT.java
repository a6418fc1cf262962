package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ordersync.localstack.ConnectorRegistrar;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.ServiceProcess;
import io.github.ordersync.localstack.StackWithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Breaks the running system for real, mid-load, and checks after each break that nothing was lost or doubled: every
 * order that got a 201 is in the shared table once with a final status, stock = initial - confirmed quantities,
 * the catalog's decisions never confirmed more than a product's initial stock, and no order exists that did not get
 * a 201. Prints one line per scenario; the whole table lands in target/reliability.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final String SINK = "orders-sink";
    private static final String CATALOG_GROUP = "catalog-service";
    private static final String SINK_GROUP = "connect-" + SINK;
    private static final int CLIENTS = 32;

    private static StackWithServices pipeline;
    private static LocalStack stack;
    private static Databases db;
    private static KafkaProbe kafka;
    private static ConnectorRegistrar connect;
    private static List<String> orderServices;

    @BeforeAll
    static void startPipeline() {
        // the broker in a process of its own, so that a scenario can pause it
        pipeline = TestPipelines.start("fault-it", 2, Map.of(LocalStack.KAFKA_IN_OWN_JVM, "true"));
        stack = pipeline.stack();
        db = new Databases(pipeline);
        kafka = new KafkaProbe(stack.bootstrapServers());
        connect = new ConnectorRegistrar(stack.connectUrl());
        orderServices =
                pipeline.orderServices().stream().map(service -> service.url()).toList();
    }

    @AfterEach
    void systemIsHealthyAgain() {
        // Whatever a scenario broke is running again before the next one starts.
        connect.awaitRunning(SINK);
        kafka.awaitCaughtUp(CATALOG_GROUP, List.of(LocalStack.ORDERS_TOPIC));
    }

    @AfterAll
    static void stopPipelineAndPrintTheTable() {
        System.out.println("Reliability (fault-injection suite):\n" + ReliabilityReport.table());
        ReliabilityReport.write(Path.of("target/reliability.md"));
        ReliabilityReport.publish(
                (int) Arrays.stream(FaultInjectionIT.class.getDeclaredMethods())
                        .filter(method -> method.isAnnotationPresent(Test.class))
                        .count(),
                Path.of("../docs/reliability.md"),
                Path.of("../docs/ko/reliability.md"));
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void catalogServiceKilledWithOrdersInFlightLosesAndDoublesNothing() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(700, 700, 700))) {
            OrderLoad load = OrderLoad.start(orderServices, OrderLoad.lines(2_000, ledger.products(), 1), CLIENTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 400);

            Map<TopicPartition, Long> written = kafka.writtenSoFar(List.of(LocalStack.ORDERS_TOPIC));
            pipeline.killCatalogService();
            long inFlight = kafka.notCommitted(CATALOG_GROUP, written);
            pipeline.startCatalogService();

            ledger.settle(
                    "1. catalog-service `kill -9` mid-load, " + inFlight + " orders not yet committed, restarted",
                    load.await());
            assertThat(inFlight)
                    .as("orders placed before the kill that the catalog had not committed")
                    .isPositive();
        }
    }

    @Test
    @Order(2)
    void brokerRestartedWhileOrdersArePlacedLosesNoAcceptedOrder() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(400, 400, 400))) {
            OrderLoad load = OrderLoad.start(orderServices, OrderLoad.lines(1_000, ledger.products(), 2), CLIENTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 100);

            stack.stopKafka();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> load.statusCounts().containsKey(503));
            } finally {
                stack.startKafka();
            }

            List<OrderLoad.Placed> placed = load.await();
            assertThat(load.statusCounts().keySet())
                    .as("every POST either succeeded or failed cleanly with 503")
                    .isSubsetOf(201, 503);
            ledger.settle("2. Kafka broker restarted mid-load", placed);
        }
    }

    @Test
    @Order(3)
    void connectWorkerKilledMidLoadWritesEveryRowExactlyOnce() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(400, 400, 400))) {
            OrderLoad load = OrderLoad.start(orderServices, OrderLoad.lines(1_000, ledger.products(), 3), CLIENTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 300);

            Map<TopicPartition, Long> written =
                    kafka.writtenSoFar(List.of(LocalStack.ORDERS_TOPIC, LocalStack.ORDER_OUTCOMES_TOPIC));
            stack.killConnect();
            long inFlight = kafka.notCommitted(SINK_GROUP, written);
            stack.startConnect();

            ledger.settle(
                    "3. Connect worker `kill -9` mid-load, " + inFlight + " records not yet committed, restarted",
                    load.await());
            assertThat(inFlight)
                    .as("records written before the kill that the sink had not committed")
                    .isPositive();
        }
    }

    @Test
    @Order(4)
    void mariaDbDownForAWhileDelaysButLosesNothing() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(400, 400, 400))) {
            // Paced, so that the load outlasts stopping the database (which can take seconds) by far.
            OrderLoad load = OrderLoad.paced(orderServices, OrderLoad.lines(1_000, ledger.products(), 4), CLIENTS, 50);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 100);

            stack.stopMariaDb();
            try {
                int acceptedWhenStopped = load.accepted();
                // Placing an order needs only Kafka: orders keep coming while the database is down.
                await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= acceptedWhenStopped + 100);
            } finally {
                stack.startMariaDb();
            }

            ledger.settle("4. MariaDB stopped mid-load, restarted", load.await());
        }
        assertThat(kafka.endOffsets(List.of(LocalStack.ORDERS_DEAD_LETTER_TOPIC)))
                .as("an outage is retried, never dead-lettered")
                .isZero();
    }

    @Test
    @Order(5)
    void replayingEveryOrderToTheCatalogAndTheSinkChangesNothing() throws Exception {
        Databases.Books before = db.books();
        String fingerprint = db.fingerprint();
        long orders = kafka.endOffsets(List.of(LocalStack.ORDERS_TOPIC));

        pipeline.stopCatalogService();
        kafka.rewind(CATALOG_GROUP, LocalStack.ORDERS_TOPIC);
        pipeline.startCatalogService();
        kafka.awaitCaughtUp(CATALOG_GROUP, List.of(LocalStack.ORDERS_TOPIC));
        String afterTheCatalog = db.fingerprint();

        connect.stop(SINK);
        connect.resetOffsets(SINK);
        connect.resume(SINK);
        kafka.awaitCaughtUp(SINK_GROUP, List.of(LocalStack.ORDERS_TOPIC, LocalStack.ORDER_OUTCOMES_TOPIC));
        String afterTheSink = db.fingerprint();

        ReliabilityReport.add(ReliabilityReport.replayed(
                "5. every order replayed to the catalog and to the sink", orders, before, db.books()));
        assertThat(afterTheCatalog)
                .as("stock and decisions after the catalog read everything again")
                .isEqualTo(fingerprint);
        assertThat(afterTheSink)
                .as("rows after the sink wrote everything again")
                .isEqualTo(fingerprint);
    }

    @Test
    @Order(6)
    void poisonRecordsAreDeadLetteredWithTheirReasonAndOrdersAfterThemComplete() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(50, 50))) {
            List<OrderLoad.Placed> placed = new ArrayList<>(OrderLoad.start(
                            orderServices,
                            List.of(new OrderLoad.Line(ledger.products().get(0), 1)),
                            1)
                    .await());
            byte[] realEvent =
                    kafka.find(LocalStack.ORDERS_TOPIC, placed.get(0).orderId()).value();

            Map<String, byte[]> poison = PoisonRecords.from(realEvent);
            for (Map.Entry<String, byte[]> record : poison.entrySet()) {
                kafka.produce(LocalStack.ORDERS_TOPIC, record.getKey(), record.getValue());
            }
            placed.addAll(OrderLoad.start(orderServices, OrderLoad.lines(40, ledger.products(), 6), 4)
                    .await());

            Map<String, ConsumerRecord<String, byte[]>> catalogDeadLetters =
                    kafka.findAll(LocalStack.ORDERS_DEAD_LETTER_TOPIC, poison.keySet());
            Map<String, ConsumerRecord<String, byte[]>> sinkDeadLetters =
                    kafka.findAll(LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC, poison.keySet());
            poison.keySet().forEach(kind -> {
                System.out.printf(
                        "  %-24s catalog: %s%n  %-24s sink:    %s%n",
                        kind,
                        header(catalogDeadLetters.get(kind), "kafka_dlt-exception-message"),
                        "",
                        header(sinkDeadLetters.get(kind), "__connect.errors.exception.message"));
                assertThat(header(catalogDeadLetters.get(kind), "kafka_dlt-exception-message"))
                        .isNotBlank();
                assertThat(header(sinkDeadLetters.get(kind), "__connect.errors.exception.message"))
                        .isNotBlank();
            });
            // a schema that dropped a required field: both name it
            assertThat(header(catalogDeadLetters.get("schema-without-qty"), "kafka_dlt-exception-message"))
                    .contains("Field 'qty' is missing");
            assertThat(header(sinkDeadLetters.get("schema-without-qty"), "__connect.errors.exception.message"))
                    .contains("Field 'qty' is missing");
            JsonNode sink = connect.status(SINK);
            assertThat(sink.path("connector").path("state").asText()).isEqualTo("RUNNING");
            assertThat(sink.path("tasks").findValuesAsText("state"))
                    .as("the sink's tasks, never failed by a poison record")
                    .containsOnly("RUNNING");

            ledger.settle(
                    "6. " + poison.size() + " poison records, all dead-lettered by both consumers; 41 orders", placed);
        }
    }

    @Test
    @Order(7)
    void fiveHundredConcurrentOrdersForLessStockThanDemandNeverOversell() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(60, 90, 150))) {
            OrderLoad load = OrderLoad.start(orderServices, OrderLoad.lines(500, ledger.products(), 7), 100);

            ReliabilityReport.Line line = ledger.settle("7. 500 concurrent orders, demand > stock", load.await());

            assertThat(line.rejected()).isPositive();
            assertThat(line.finalStock()).isLessThan(line.initialStock());
        }
    }

    @Test
    @Order(8)
    void brokerDownAtThePostAnswers503WithinFiveSecondsAndPersistsNothing() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(10))) {
            String product = ledger.products().get(0);
            stack.stopKafka();
            List<OrderLoad.Placed> attempts = new ArrayList<>();
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(orderServices.get(i % 2) + "/order-service/zoe/orders"))
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", "broker-down-" + i)
                                    // the bound the issue sets: a client waits at most 5 s for its answer
                                    .timeout(Duration.ofSeconds(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"productId\":\"" + product + "\",\"qty\":1,\"unitPrice\":100}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    attempts.add(new OrderLoad.Placed(product, 1, null, 1, 0));
                }
            } finally {
                stack.startKafka();
            }

            // One more order once the broker is back. When the catalog and the sink have read everything there is,
            // a refused order that had been written anyway would be in their tables: Ledger.settle would fail.
            OrderLoad after = OrderLoad.start(orderServices, List.of(new OrderLoad.Line(product, 2)), 1);
            attempts.addAll(after.await());
            kafka.awaitCaughtUp(CATALOG_GROUP, List.of(LocalStack.ORDERS_TOPIC));
            kafka.awaitCaughtUp(SINK_GROUP, List.of(LocalStack.ORDERS_TOPIC, LocalStack.ORDER_OUTCOMES_TOPIC));
            ledger.settle("8. broker down at the POST: 5 × 503, then 1 order", attempts);
        }
    }

    @Test
    @Order(9)
    void orderThatFailsFirstWithAnUnknownErrorThenInAnOutageIsStillDecided() throws Exception {
        long deadLettered = kafka.endOffsets(List.of(LocalStack.ORDERS_DEAD_LETTER_TOPIC));
        try (Ledger ledger = Ledger.open(db, List.of(100, 100))) {
            List<OrderLoad.Placed> placed;
            db.readOnly(true);
            try {
                // Placing needs only Kafka. Deciding needs writes, which the server now refuses with error 1290:
                // no error Spring knows as transient.
                placed = OrderLoad.start(orderServices, OrderLoad.lines(20, ledger.products(), 9), 4)
                        .await();
                await("no decision while the database refuses writes")
                        .during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> db.decisions(ledger.products()).isEmpty());

                stack.stopMariaDb();
                try {
                    await("catalog-service not ready without its database")
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> !isReady(pipeline.catalogService()));
                } finally {
                    stack.startMariaDb();
                }
            } finally {
                // a restarted server is writable again; this also ends it when the stop failed
                db.readOnly(false);
            }

            ledger.settle(
                    "9. writes refused (read-only database, error 1290), then MariaDB restarted: " + placed.size()
                            + " orders",
                    placed);
        }
        assertThat(kafka.endOffsets(List.of(LocalStack.ORDERS_DEAD_LETTER_TOPIC)))
                .as("orders that failed for a while, whatever the error, are retried, never dead-lettered")
                .isEqualTo(deadLettered);
    }

    @Test
    @Order(10)
    void brokerPausedWhileOrdersArePlacedLosesAndDoublesNothing() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(400, 400, 400))) {
            OrderLoad load = OrderLoad.start(orderServices, OrderLoad.lines(1_000, ledger.products(), 10), CLIENTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 100);

            Instant pausedAt = Instant.now();
            stack.pauseKafka();
            try {
                // Longer than order-service waits for an acknowledgement: the POSTs in flight are answered 503, and
                // their clients retry with the same Idempotency-Key while the broker may still hold the first send.
                await("a 503 while the broker is paused")
                        .pollDelay(Duration.ofSeconds(7))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> load.statusCounts().containsKey(503));
            } finally {
                stack.resumeKafka();
            }
            Duration paused = Duration.between(pausedAt, Instant.now());

            List<OrderLoad.Placed> placed = load.await();
            long retried = placed.stream()
                    .filter(order -> order.orderId() != null && order.unavailable() > 0)
                    .count();
            ledger.settle(
                    "10. Kafka broker paused (`SIGSTOP`) %.1f s mid-load, %d orders answered 503 then 201 with the same Idempotency-Key"
                            .formatted(paused.toMillis() / 1000.0, retried),
                    placed);
            assertThat(retried).as("orders placed by a retry").isPositive();
            assertThat(load.statusCounts().keySet())
                    .as("every POST either succeeded or failed cleanly with 503")
                    .isSubsetOf(201, 503);
        }
    }

    @Test
    @Order(11)
    void catalogServiceInstancesLeavingAndJoiningMidLoadLoseAndDoubleNothing() throws Exception {
        pipeline.startAnotherCatalogService();
        try (Ledger ledger = Ledger.open(db, List.of(700, 700, 700))) {
            // a steady 50 orders/s for 70 s: long enough for a new instance to start (up to ~40 s under load, Kafka
            // Streams included) and join in the middle
            OrderLoad load = OrderLoad.paced(orderServices, OrderLoad.lines(3_500, ledger.products(), 11), CLIENTS, 50);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted() >= 200);

            Map<TopicPartition, Long> written = kafka.writtenSoFar(List.of(LocalStack.ORDERS_TOPIC));
            pipeline.killCatalogService();
            long inFlight = kafka.notCommitted(CATALOG_GROUP, written);
            pipeline.startAnotherCatalogService();
            boolean joinedMidLoad = !load.done();

            ledger.settle(
                    "11. two catalog-service instances in one group, one `kill -9` (" + inFlight
                            + " orders not yet committed), one started, mid-load",
                    load.await());
            assertThat(joinedMidLoad)
                    .as("the new instance ran before the load ended")
                    .isTrue();
        } finally {
            pipeline.stopOtherCatalogServices();
            if (!pipeline.catalogService().isAlive()) {
                pipeline.startCatalogService();
            }
        }
    }

    @Test
    @Order(12)
    void foreignRecordsOneConsumerMightAcceptAreDeadLetteredByBothWithTheSameReason() throws Exception {
        try (Ledger ledger = Ledger.open(db, List.of(50, 50))) {
            List<OrderLoad.Placed> placed = new ArrayList<>(OrderLoad.start(
                            orderServices,
                            List.of(new OrderLoad.Line(ledger.products().get(0), 2)),
                            1)
                    .await());
            String decidedOrder = placed.get(0).orderId();
            byte[] realEvent = kafka.find(LocalStack.ORDERS_TOPIC, decidedOrder).value();
            await("order " + decidedOrder + " decided in the shared table")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> db.orderRow(decidedOrder) != null
                            && !"PENDING".equals(db.orderRow(decidedOrder).get("status")));
            Map<String, Object> decidedRow = db.orderRow(decidedOrder);
            Map<String, Integer> stock = db.stocks(ledger.products());

            Map<String, byte[]> disputed = PoisonRecords.disputed(realEvent);
            for (Map.Entry<String, byte[]> record : disputed.entrySet()) {
                kafka.produce(LocalStack.ORDERS_TOPIC, record.getKey(), record.getValue());
            }
            RecordMetadata contradicting =
                    kafka.produce(LocalStack.ORDERS_TOPIC, decidedOrder, PoisonRecords.sameOrderWithQty(realEvent, 3));

            assertDeadLetteredByBothWithTheSameReason(disputed.keySet());
            String contradiction = header(
                    kafka.find(LocalStack.ORDERS_DEAD_LETTER_TOPIC, decidedOrder), "kafka_dlt-exception-message");
            System.out.printf("  %-26s catalog: %s%n", "same-order-other-qty", contradiction);
            assertThat(contradiction)
                    .as("the reason a decided order sent again with another qty is dead-lettered")
                    .containsPattern("(?i)differ|contradict|does not match|mismatch");

            // Not "caught up": the sink commits no offset past dead-lettered records that end a partition.
            kafka.awaitConsumedPast(CATALOG_GROUP, contradicting);
            kafka.awaitConsumedPast(SINK_GROUP, contradicting);
            assertThat(db.orderRow(decidedOrder))
                    .as("the decided order's row, with its content and decision as they were")
                    .isEqualTo(decidedRow);
            assertThat(db.stocks(ledger.products())).as("stock").isEqualTo(stock);
            JsonNode sink = connect.status(SINK);
            assertThat(sink.path("tasks").findValuesAsText("state"))
                    .as("the sink's tasks, never failed by a foreign record")
                    .containsOnly("RUNNING");

            placed.addAll(OrderLoad.start(orderServices, OrderLoad.lines(20, ledger.products(), 12), 4)
                    .await());
            ledger.settle(
                    "12. " + (disputed.size() + 1) + " foreign records (" + disputed.size()
                            + " disputed, 1 contradicting a decision), dead-lettered alike; " + placed.size()
                            + " orders",
                    placed);
        }
    }

    /** Each record is on both dead-letter topics, and the catalog gives the reason the sink gives. */
    private static void assertDeadLetteredByBothWithTheSameReason(Set<String> keys) {
        Map<String, ConsumerRecord<String, byte[]>> catalogDeadLetters =
                kafka.findAll(LocalStack.ORDERS_DEAD_LETTER_TOPIC, keys);
        Map<String, ConsumerRecord<String, byte[]>> sinkDeadLetters =
                kafka.findAll(LocalStack.ORDERS_SINK_DEAD_LETTER_TOPIC, keys);
        keys.forEach(key -> {
            String catalogReason = header(catalogDeadLetters.get(key), "kafka_dlt-exception-message");
            String sinkReason = header(sinkDeadLetters.get(key), "__connect.errors.exception.message");
            System.out.printf("  %-26s catalog: %s%n  %-26s sink:    %s%n", key, catalogReason, "", sinkReason);
            assertThat(catalogReason).as("%s: the catalog's reason", key).isNotBlank();
            assertThat(sinkReason).as("%s: the sink's reason", key).isNotBlank();
            // one side may add a prefix of its own
            assertThat(catalogReason.contains(sinkReason) || sinkReason.contains(catalogReason))
                    .as("%s: the same reason (catalog: %s, sink: %s)", key, catalogReason, sinkReason)
                    .isTrue();
        });
    }

    private static boolean isReady(ServiceProcess service) {
        return OrderApi.get(service.url() + "/actuator/health/readiness").status() == 200;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
