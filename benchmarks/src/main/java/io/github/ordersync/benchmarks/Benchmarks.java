package io.github.ordersync.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ordersync.localstack.ConnectorRegistrar;
import io.github.ordersync.localstack.DatabaseAccount;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.MariaDb;
import io.github.ordersync.localstack.Ports;
import io.github.ordersync.localstack.ProjectLayout;
import io.github.ordersync.localstack.ServiceProcess;
import io.github.ordersync.localstack.StackSettings;
import io.github.ordersync.localstack.StackWithServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./run-benchmarks.sh}: starts the local stack and both services once, measures (a) to (f) one after
 * another, and writes docs/benchmarks.md, docs/benchmarks.json and docs/benchmarks-latency.png. Arguments: the
 * order-service and catalog-service executable jars, then {@link Options}.
 */
public final class Benchmarks {

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

    /** Services run fully JIT-compiled here; the local stack's default is C1 only, for quick starts in tests. */
    private static final List<String> SERVICE_JVM = List.of("-XX:TieredStopAtLevel=4", "-Xms384m");

    private static final String BACKLOG_TOPIC = "bench-backlog";
    private static final String BACKLOG_PRODUCT = "BENCH-BACKLOG";
    private static final long PLENTY = 1_000_000_000L;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("([\\d.]+) records/sec");

    private final Options options;
    private final StackWithServices pipeline;
    private final LocalStack stack;
    private final Path jarOfCatalogService;

    private Benchmarks(Options options, StackWithServices pipeline, Path jarOfCatalogService) {
        this.options = options;
        this.pipeline = pipeline;
        this.stack = pipeline.stack();
        this.jarOfCatalogService = jarOfCatalogService;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: Benchmarks <order-service exec jar> <catalog-service exec jar> [--quick]"
                    + " [--records N] [--seconds S] [--rate R] [--trials T]");
            System.exit(2);
        }
        Options options = Options.parse(List.of(args).subList(2, args.length).toArray(String[]::new));
        Instant started = Instant.now();
        Map<String, Object> machine = Report.machine();
        Path dataDir = ProjectLayout.root().resolve("benchmarks/target/stack");
        LocalStack.deleteData(dataDir);
        Path catalogJar = Path.of(args[1]);
        Results results;
        try (StackWithServices pipeline = StackWithServices.start(
                StackSettings.withFreePorts(dataDir),
                System.getenv(),
                new StackWithServices.Services(
                        Path.of(args[0]), List.of(Ports.free()), catalogJar, Ports.free(), SERVICE_JVM))) {
            results = new Benchmarks(options, pipeline, catalogJar).run();
        }
        Duration took = Duration.between(started, Instant.now());
        Path docs = ProjectLayout.root().resolve("docs");
        Report.write(results, machine, started, took, docs);
        System.out.println(Report.markdown(results, machine, started, took));
        log.info("Written {} in {} s", docs.resolve("benchmarks.md"), took.toSeconds());
        System.exit(0);
    }

    private Results run() throws Exception {
        int eventSize = Backlog.eventSize();
        log.info("Event size {} B", eventSize);
        Results.Producer producer = producerLimit(eventSize);
        log.info("(a) {}", producer.summary());

        Backlog.createTopic(stack.bootstrapServers(), BACKLOG_TOPIC, 3);
        addProduct(BACKLOG_PRODUCT);
        Backlog.produce(stack.bootstrapServers(), BACKLOG_TOPIC, BACKLOG_PRODUCT, options.records());
        Backlog.Drain sink = sinkDrain();
        log.info("(b) sink {} rows/s", Math.round(sink.perSecond()));
        Backlog.Drain catalog = catalogDrain();
        log.info("(c) catalog {} orders/s", Math.round(catalog.perSecond()));

        HttpLoad load = new HttpLoad();
        String orderService = pipeline.orderServices().get(0).url();
        String ingressProduct = "BENCH-INGRESS";
        addProduct(ingressProduct);
        int warmUp = Math.max(2, options.seconds() / 6);
        load.closedLoop(n -> HttpLoad.placeOrder(orderService, ingressProduct, n), warmUp, (id, at) -> {});
        HttpLoad.Outcome ingress = load.closedLoop(
                n -> HttpLoad.placeOrder(orderService, ingressProduct, n), options.seconds(), (id, at) -> {});
        String liveness = orderService + "/actuator/health/liveness";
        load.closedLoop(n -> HttpLoad.get(liveness), warmUp, (id, at) -> {});
        HttpLoad.Outcome noop = load.closedLoop(n -> HttpLoad.get(liveness), options.seconds(), (id, at) -> {});
        log.info("(d) ingress {}/s, no-op {}/s", Math.round(ingress.perSecond()), Math.round(noop.perSecond()));
        awaitPipelineDrained(ingressProduct);

        Results.FixedRate fixedRate = fixedRate(load, orderService);
        log.info(
                "(e) stock applied p99 {} ms, row persisted p99 {} ms",
                fixedRate.stockApplied().percentileMillis(99),
                fixedRate.rowPersisted().percentileMillis(99));
        Results.Sustained sustained = maxSustained(load, orderService);
        log.info("(f) max sustained {} orders/s", sustained.maxRate());
        return new Results(options, eventSize, producer, sink, catalog, ingress, noop, fixedRate, sustained);
    }

    /** (a) Kafka's own producer benchmark, in a JVM of its own, against our broker. */
    private Results.Producer producerLimit(int eventSize) throws Exception {
        String topic = "bench-producer";
        Backlog.createTopic(stack.bootstrapServers(), topic, 3);
        long records = Math.max(200_000L, 10L * options.records());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.kafka.tools.ProducerPerformance",
                        "--topic",
                        topic,
                        "--num-records",
                        String.valueOf(records),
                        "--record-size",
                        String.valueOf(eventSize),
                        "--throughput",
                        "-1",
                        "--producer-props",
                        "bootstrap.servers=" + stack.bootstrapServers(),
                        "acks=all",
                        "linger.ms=5",
                        "batch.size=131072")
                .redirectErrorStream(true)
                .start();
        String summary = null;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(records + " records sent")) {
                    summary = line;
                }
            }
        }
        if (process.waitFor() != 0 || summary == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        Matcher matcher = RECORDS_PER_SECOND.matcher(summary);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected ProducerPerformance output: " + summary);
        }
        return new Results.Producer(records, Double.parseDouble(matcher.group(1)), summary);
    }

    /**
     * (b) the JDBC sink alone, as configured in connect-config/, reading the backlog into the shared table with a
     * connector of its own (the backlog's product is never ordered over HTTP, so its rows are told apart).
     */
    private Backlog.Drain sinkDrain() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(
                stack.settings().connectConfigDir().resolve("orders-sink.json").toFile());
        config.put("topics", BACKLOG_TOPIC);
        config.put("errors.deadletterqueue.topic.name", "bench-sink-dlq");
        // the backlog holds placed orders: the guard for placed orders applies to it
        config.put("predicates.isPlacedOrder.pattern", BACKLOG_TOPIC);
        ConnectorRegistrar registrar = new ConnectorRegistrar(stack.connectUrl());
        registrar.register("bench-sink", json.writeValueAsString(config));
        Backlog.Drain drain = Backlog.await(
                () -> count(
                        MariaDb.ORDERS_DATABASE,
                        "SELECT COUNT(*) FROM orders WHERE product_id = '" + BACKLOG_PRODUCT + "'",
                        stack.orderServiceAccount()),
                options.records(),
                DRAIN_TIMEOUT);
        return drain;
    }

    /** (c) a catalog-service of its own with a consumer group of its own, reading the backlog. */
    private Backlog.Drain catalogDrain() throws Exception {
        Map<String, String> environment = new HashMap<>(stack.catalogServiceEnvironment());
        environment.put("ORDERS_TOPIC", BACKLOG_TOPIC);
        environment.put("ORDER_OUTCOMES_TOPIC", "bench-backlog-outcomes");
        environment.put("ORDERS_DEAD_LETTER_TOPIC", "bench-backlog-dlt");
        environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "bench-catalog-drain");
        try (ServiceProcess catalog = ServiceProcess.start(
                "catalog-service",
                jarOfCatalogService,
                Ports.free(),
                environment,
                stack.settings().dataDir().resolve("logs"),
                SERVICE_JVM)) {
            return Backlog.await(() -> decisions(BACKLOG_PRODUCT), options.records(), DRAIN_TIMEOUT);
        }
    }

    /** (e) open loop at the fixed rate; every order's stock decision and row are watched for. */
    private Results.FixedRate fixedRate(HttpLoad load, String orderService) throws Exception {
        String product = "BENCH-LATENCY";
        addProduct(product);
        try (RowWatcher applied = new RowWatcher(
                        stack.jdbcUrl(MariaDb.CATALOG_DATABASE),
                        stack.catalogServiceAccount(),
                        "order_decisions",
                        "TRUE");
                RowWatcher persisted = new RowWatcher(
                        stack.jdbcUrl(MariaDb.ORDERS_DATABASE), stack.orderServiceAccount(), "orders", "TRUE")) {
            HttpLoad.Outcome outcome = load.openLoop(
                    n -> HttpLoad.placeOrder(orderService, product, n),
                    options.rate(),
                    options.seconds(),
                    (orderId, at) -> {
                        applied.expect(orderId, at);
                        persisted.expect(orderId, at);
                    });
            int notApplied = applied.awaitAll(Duration.ofSeconds(60));
            int notPersisted = persisted.awaitAll(Duration.ofSeconds(60));
            return new Results.FixedRate(
                    options.rate(), outcome, applied.latencies(), persisted.latencies(), notApplied, notPersisted);
        }
    }

    /**
     * (f) the highest rate at which every order is applied and its decided row persisted within 5 s after the load
     * stops, with no request failed, none lost and none applied twice. Doubles the rate after a pass, halves the
     * step after a failure.
     */
    private Results.Sustained maxSustained(HttpLoad load, String orderService) throws Exception {
        List<Results.Trial> trials = new ArrayList<>();
        int passed = 0;
        int failedAt = 0;
        int rate = options.rate();
        long lost = 0;
        long doubled = 0;
        for (int i = 0; i < options.trials(); i++) {
            Results.Trial trial = trial(load, orderService, rate, i);
            trials.add(trial);
            lost += trial.lost();
            doubled += trial.doubled();
            log.info("(f) {}", trial);
            if (trial.passed()) {
                passed = Math.max(passed, rate);
            } else {
                failedAt = failedAt == 0 ? rate : Math.min(failedAt, rate);
            }
            rate = failedAt == 0 ? rate * 2 : (passed + failedAt) / 2;
            if (failedAt != 0 && failedAt - passed <= Math.max(50, passed / 20)) {
                break;
            }
        }
        return new Results.Sustained(passed, trials, lost, doubled);
    }

    private Results.Trial trial(HttpLoad load, String orderService, int rate, int index) throws Exception {
        String product = "BENCH-RATE-" + index;
        addProduct(product);
        try (RowWatcher applied = new RowWatcher(
                        stack.jdbcUrl(MariaDb.CATALOG_DATABASE),
                        stack.catalogServiceAccount(),
                        "order_decisions",
                        "TRUE");
                RowWatcher persisted = new RowWatcher(
                        stack.jdbcUrl(MariaDb.ORDERS_DATABASE),
                        stack.orderServiceAccount(),
                        "orders",
                        "status <> 'PENDING'")) {
            HttpLoad.Outcome outcome = load.openLoop(
                    n -> HttpLoad.placeOrder(orderService, product, n), rate, options.seconds(), (orderId, at) -> {
                        applied.expect(orderId, at);
                        persisted.expect(orderId, at);
                    });
            int late = Math.max(applied.awaitAll(Duration.ofSeconds(5)), persisted.awaitAll(Duration.ofMillis(1)));
            // Whatever was late must still arrive, exactly once, before the next rate is tried.
            long lost = Math.max(applied.awaitAll(DRAIN_TIMEOUT), persisted.awaitAll(DRAIN_TIMEOUT));
            long decided = decisions(product);
            long taken = PLENTY - stock(product);
            long doubled = Math.max(0, Math.max(decided, taken) - outcome.ok());
            boolean keptPace = outcome.seconds() <= options.seconds() * 1.1;
            boolean passed = outcome.failed() == 0 && keptPace && late == 0 && lost == 0 && doubled == 0;
            return new Results.Trial(
                    rate, outcome.ok(), outcome.failed(), outcome.seconds(), late, lost, doubled, passed);
        }
    }

    private void awaitPipelineDrained(String product) throws Exception {
        long placed = count(
                MariaDb.ORDERS_DATABASE,
                "SELECT COUNT(*) FROM orders WHERE product_id = '" + product + "'",
                stack.orderServiceAccount());
        Backlog.await(() -> decisions(product), placed, DRAIN_TIMEOUT);
        Backlog.await(
                () -> count(
                        MariaDb.ORDERS_DATABASE,
                        "SELECT COUNT(*) FROM orders WHERE status <> 'PENDING' AND product_id = '" + product + "'",
                        stack.orderServiceAccount()),
                placed,
                DRAIN_TIMEOUT);
    }

    private void addProduct(String productId) throws SQLException {
        try (Connection connection = catalog();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO products (product_id, product_name, unit_price, stock) VALUES (?, ?, 1000, ?)")) {
            insert.setString(1, productId);
            insert.setString(2, productId);
            insert.setLong(3, PLENTY);
            insert.executeUpdate();
        }
        // orders for it are refused (422) until order-service's read model has it
        pipeline.awaitCatalogSeen();
    }

    private long decisions(String productId) {
        return count(
                MariaDb.CATALOG_DATABASE,
                "SELECT COUNT(*) FROM order_decisions WHERE product_id = '" + productId + "'",
                stack.catalogServiceAccount());
    }

    private long stock(String productId) {
        return count(
                MariaDb.CATALOG_DATABASE,
                "SELECT stock FROM products WHERE product_id = '" + productId + "'",
                stack.catalogServiceAccount());
    }

    private long count(String database, String query, DatabaseAccount account) {
        try (Connection connection =
                        DriverManager.getConnection(stack.jdbcUrl(database), account.user(), account.password());
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed: " + e.getMessage(), e);
        }
    }

    private Connection catalog() throws SQLException {
        DatabaseAccount account = stack.catalogServiceAccount();
        return DriverManager.getConnection(stack.jdbcUrl(MariaDb.CATALOG_DATABASE), account.user(), account.password());
    }

    static {
        // The JDK's HTTP client keeps at most this many idle connections: one per load thread.
        System.setProperty("jdk.httpclient.connectionPoolSize", String.valueOf(HttpLoad.CONNECTIONS));
    }
}
