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
import io.github.ordersync.orderrules.RecordFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./run-benchmarks.sh}: starts the local stack and both services once, measures each stage alone, the
 * machine's bound for an order, the pipeline's maximum sustained rate and its latencies below it, one scaled-out
 * run and the price of the demo's JVM flags and of observability; writes docs/benchmarks.md, docs/benchmarks.json
 * and docs/benchmarks-latency.png. Arguments: the order-service and catalog-service executable jars, then
 * {@link Options}.
 */
public final class Benchmarks {

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

    /** Fully JIT-compiled services, as in production. */
    static final List<String> FULL_JIT = List.of("-XX:TieredStopAtLevel=4", "-Xms384m");

    /** The local stack's default for the demo and the tests: C1 only, for quick starts. */
    static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1", "-Xms384m");

    /** No trace sampled in nine of ten orders, no INFO line per order. */
    static final List<String> LEAN_OBSERVABILITY = List.of(
            "-Dmanagement.tracing.sampling.probability=0.1",
            "-Dlogging.level.io.github.ordersync.orderservice.order.OrderPlacement=WARN",
            "-Dlogging.level.io.github.ordersync.catalogservice.order.OrderTraces=WARN");

    private static final int PRODUCTS = 1_000;
    private static final String HOT_PRODUCT = "BENCH-HOT";
    private static final long PLENTY = 1_000_000_000L;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LATE = Duration.ofSeconds(10);
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("([\\d.]+) records/sec");
    private static final String SINK = "orders-sink";

    /** A phase starts once all cores were less than this busy over a second: the last one's work is done. */
    private static final double QUIET = 0.25;

    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(3);

    private final Options options;
    private final StackWithServices pipeline;
    private final LocalStack stack;
    private final Path orderServiceJar;
    private final Path catalogServiceJar;
    private final Path work;
    private final ConnectorRegistrar connect;
    private final String[] products = new String[PRODUCTS];
    private final Map<String, Results.Profile> profiles = new LinkedHashMap<>();

    private Benchmarks(Options options, StackWithServices pipeline, Path orderServiceJar, Path catalogServiceJar) {
        this.options = options;
        this.pipeline = pipeline;
        this.stack = pipeline.stack();
        this.orderServiceJar = orderServiceJar;
        this.catalogServiceJar = catalogServiceJar;
        this.work = stack.settings().dataDir().resolve("benchmark");
        this.connect = new ConnectorRegistrar(stack.connectUrl());
        for (int i = 0; i < PRODUCTS; i++) {
            products[i] = String.format("BENCH-P-%04d", i);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "Usage: Benchmarks <order-service exec jar> <catalog-service exec jar> " + Options.USAGE);
            System.exit(2);
        }
        Options options = Options.parse(List.of(args).subList(2, args.length).toArray(String[]::new));
        Instant started = Instant.now();
        Map<String, Object> machine = Report.machine();
        Path dataDir = ProjectLayout.root().resolve("benchmarks/target/stack");
        LocalStack.deleteData(dataDir);
        Path orderJar = Path.of(args[0]);
        Path catalogJar = Path.of(args[1]);
        if (options.formats()) {
            compareFormats(options, dataDir, orderJar, catalogJar, machine, started);
            return;
        }
        Results results;
        try (StackWithServices pipeline = StackWithServices.start(
                StackSettings.withFreePorts(dataDir),
                System.getenv(),
                new StackWithServices.Services(orderJar, List.of(Ports.free()), catalogJar, Ports.free(), FULL_JIT))) {
            results = new Benchmarks(options, pipeline, orderJar, catalogJar).run();
        }
        Duration took = Duration.between(started, Instant.now());
        Path docs = ProjectLayout.root().resolve("docs");
        Report.write(results, machine, started, took, docs);
        System.out.println(Report.markdown(results, machine, started, took));
        log.info("Written {} in {} s", docs.resolve("benchmarks.md"), took.toSeconds());
        System.exit(0);
    }

    /**
     * {@code --formats}: the envelope against Avro with the schema registry, side by side in one run on a stack that
     * runs the registry: the bytes of one order, then backlogs on 1,000 products in both formats in turn, each drained
     * by the sink, catalog-service and the sink again; writes docs/benchmarks-formats.md.
     */
    private static void compareFormats(
            Options options, Path dataDir, Path orderJar, Path catalogJar, Map<String, Object> machine, Instant started)
            throws Exception {
        FormatResults results;
        try (StackWithServices pipeline = StackWithServices.start(
                StackSettings.withFreePorts(dataDir).withRecordFormat(StackSettings.AVRO),
                System.getenv(),
                new StackWithServices.Services(orderJar, List.of(Ports.free()), catalogJar, Ports.free(), FULL_JIT))) {
            results = new Benchmarks(options, pipeline, orderJar, catalogJar).formats();
        }
        Duration took = Duration.between(started, Instant.now());
        Path docs = ProjectLayout.root().resolve("docs");
        String markdown = Report.formatsMarkdown(results, machine, started, took);
        Files.writeString(docs.resolve("benchmarks-formats.md"), markdown);
        System.out.println(markdown);
        log.info("Written {} in {} s", docs.resolve("benchmarks-formats.md"), took.toSeconds());
        System.exit(0);
    }

    private FormatResults formats() throws Exception {
        Files.createDirectories(work);
        String registry = stack.settings().registryApiUrl();
        int envelopeBytes = Backlog.eventSize(RecordFormat.ENVELOPE, registry);
        int avroBytes = Backlog.eventSize(RecordFormat.AVRO, registry);
        log.info("One order: {} B as the envelope, {} B as Avro", envelopeBytes, avroBytes);
        addProducts();
        Map<RecordFormat, List<Drained>> runs = new EnumMap<>(RecordFormat.class);
        for (int repeat = 1; repeat <= Results.REPEATS; repeat++) {
            for (RecordFormat format : RecordFormat.values()) {
                String name = "1,000 products, " + format.setting();
                Backlog backlog = new Backlog(
                        10 * (3 + format.ordinal()) + repeat,
                        "bench-" + format.setting() + "-" + repeat,
                        this::product,
                        options.records(),
                        format,
                        registry);
                runs.computeIfAbsent(format, f -> new ArrayList<>()).add(drain(backlog, name, false));
            }
        }
        return new FormatResults(
                options,
                envelopeBytes,
                avroBytes,
                drains(RecordFormat.ENVELOPE, runs),
                drains(RecordFormat.AVRO, runs));
    }

    private Results.Drains drains(RecordFormat format, Map<RecordFormat, List<Drained>> runs) {
        List<Drained> drained = runs.get(format);
        return new Results.Drains(
                format.setting(),
                options.records(),
                Results.Repeats.of(drained, Drained::sinkPlaced),
                Results.Repeats.of(drained, Drained::catalog),
                Results.Repeats.of(drained, Drained::sinkDecided));
    }

    private Results run() throws Exception {
        Files.createDirectories(work);
        int eventSize = Backlog.eventSize(RecordFormat.ENVELOPE, null);
        log.info("Event size {} B", eventSize);
        Results.Producer producer = producerLimit(eventSize);
        log.info("Producer: {} records/s, median run: {}", producer.rates().perSecond(), producer.summary());
        addProducts();

        Results.Ingress ingress = ingressAlone();
        log.info(
                "Ingress: POST {}; no-op {}",
                ingress.post().summary(),
                ingress.noop().summary());

        List<Results.Drains> drains = List.of(
                drains("one product", "bench-hot", 1, n -> HOT_PRODUCT, false),
                drains("1,000 products", "bench-spread", 2, this::product, true));
        Results.Drains spread = drains.get(1);
        Results.Bound bound = new Results.Bound(
                ingress.post().perSecond(),
                spread.catalog().median(),
                spread.sinkPlaced().median(),
                spread.sinkDecided().median());
        log.info("Bound for an order on this machine: {} orders/s", Math.round(bound.perSecond()));

        String orderService = pipeline.orderServices().get(0).url();
        Results.Sustained sustained = maxSustained(orderService, bound);
        log.info("Max sustained {} orders/s (failed at {})", sustained.maxRate(), sustained.failedRate());
        List<Results.Phase> below = new ArrayList<>();
        int max = sustained.maxRate();
        if (max > 0) {
            for (int percent : List.of(25, 50, 80)) {
                below.add(phase(
                        percent + " % of max",
                        orderService,
                        roundRate(max * percent / 100.0),
                        options.seconds(),
                        true));
            }
        }
        Results.Phase scaledOut = scaledOut(roundRate(Math.max(max, 100) / 2.0));
        List<Results.Variant> variants = List.of(
                variant("fully compiled", "-XX:TieredStopAtLevel=4; sampling 1.0, INFO line per order", FULL_JIT),
                variant("C1 only", "-XX:TieredStopAtLevel=1; sampling 1.0, INFO line per order", C1_ONLY),
                variant(
                        "C1 only, lean observability",
                        "-XX:TieredStopAtLevel=1; sampling 0.1, no INFO line per order",
                        concat(C1_ONLY, LEAN_OBSERVABILITY)));
        return new Results(
                options, eventSize, producer, ingress, drains, bound, sustained, below, scaledOut, variants, profiles);
    }

    /** Kafka's own producer benchmark, in a JVM of its own, against our broker: each run on a topic of its own. */
    private Results.Producer producerLimit(int eventSize) throws Exception {
        long records = Math.max(200_000L, 5L * options.records());
        List<String> summaries = new ArrayList<>();
        for (int repeat = 1; repeat <= Results.REPEATS; repeat++) {
            MachineCpu.awaitQuiet(QUIET, QUIET_TIMEOUT);
            summaries.add(producerPerformance("bench-producer-" + repeat, records, eventSize));
        }
        return new Results.Producer(
                records,
                Results.Repeats.of(summaries, Benchmarks::recordsPerSecond),
                Results.Repeats.medianOf(summaries, Benchmarks::recordsPerSecond));
    }

    /** One run of ProducerPerformance; its summary line. */
    private String producerPerformance(String topic, long records, int eventSize) throws Exception {
        Backlog.createTopic(stack.bootstrapServers(), topic, 3);
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
        return summary;
    }

    private static double recordsPerSecond(String summary) {
        Matcher matcher = RECORDS_PER_SECOND.matcher(summary);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected ProducerPerformance output: " + summary);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * POST /orders alone: the sink stopped and catalog-service down, so nothing consumes what it produces; and the
     * no-op endpoint. Both are warmed up, then measured by our generator in turn, {@link Results#REPEATS} times each;
     * then by hey and wrk where installed; POST /orders once more by ours, with a JFR recording for its profile.
     * Afterwards the consumers come back and drain what was placed.
     */
    private Results.Ingress ingressAlone() throws Exception {
        connect.stop(SINK);
        pipeline.stopCatalogService();
        MachineCpu.awaitQuiet(QUIET, QUIET_TIMEOUT);
        ServiceProcess orderService = pipeline.orderServices().get(0);
        LoadGenerator load = new LoadGenerator(orderService.url());
        Duration length = Duration.ofSeconds(options.seconds());
        LoadGenerator.Requests post = load.placeOrders("bench-ingress-", this::product);
        LoadGenerator.Requests liveness = load.get("/actuator/health/liveness");
        load.closedLoop(post, length);
        load.closedLoop(liveness, Duration.ofSeconds(Math.max(3, options.seconds() / 4)));
        List<LoadGenerator.Outcome> posts = new ArrayList<>();
        List<LoadGenerator.Outcome> noops = new ArrayList<>();
        for (int repeat = 1; repeat <= Results.REPEATS; repeat++) {
            posts.add(load.closedLoop(post, length));
            noops.add(load.closedLoop(liveness, length));
        }
        String postUrl = orderService.url() + "/order-service/bench-crosscheck/orders";
        String body = "{\"productId\":\"" + product(0) + "\",\"qty\":1,\"unitPrice\":1000}";
        List<Results.CrossCheck> crossChecks = new ArrayList<>();
        for (String tool : CrossChecks.installed()) {
            double postRate = CrossChecks.requestsPerSecond(tool, postUrl, body, length, work);
            double noopRate = CrossChecks.requestsPerSecond(
                    tool, orderService.url() + "/actuator/health/liveness", null, length, work);
            crossChecks.add(new Results.CrossCheck(tool, postRate, noopRate));
        }
        crossChecks.forEach(check -> log.info("Cross-check {}", check));
        Profiles.Recording recording =
                Profiles.Recording.start(orderService.process().pid(), work.resolve("order-service-ingress.jfr"));
        LoadGenerator.Outcome postedAgain = load.closedLoop(post, length);
        profiles.put(
                "ingress", recording.stop("order-service answering POST /orders (closed loop, consumers stopped)"));
        pipeline.startCatalogService();
        connect.resume(SINK);
        awaitCaughtUp();
        return new Results.Ingress(posts, postedAgain, noops, crossChecks);
    }

    /**
     * {@link Results#REPEATS} backlogs of one kind, each on a topic and order ids of its own, each drained by each
     * stage alone; the catalog profiled on the first.
     */
    private Results.Drains drains(
            String name, String topic, int kind, LoadGenerator.ProductChoice products, boolean profile)
            throws Exception {
        List<Drained> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= Results.REPEATS; repeat++) {
            Backlog backlog = new Backlog(
                    10 * kind + repeat, topic + "-" + repeat, products, options.records(), RecordFormat.ENVELOPE, null);
            runs.add(drain(backlog, name, profile && repeat == 1));
        }
        return new Results.Drains(
                name,
                options.records(),
                Results.Repeats.of(runs, Drained::sinkPlaced),
                Results.Repeats.of(runs, Drained::catalog),
                Results.Repeats.of(runs, Drained::sinkDecided));
    }

    /** One backlog's rates: the sink writing placed orders, catalog-service deciding, the sink writing decisions. */
    private record Drained(double sinkPlaced, double catalog, double sinkDecided) {}

    /**
     * One backlog drained by each stage alone, one after another: the sink writing the placed orders, a
     * catalog-service of its own deciding them, the sink writing the decisions.
     */
    private Drained drain(Backlog backlog, String name, boolean profile) throws Exception {
        MachineCpu.awaitQuiet(QUIET, QUIET_TIMEOUT);
        backlog.produce(stack.bootstrapServers());
        String format = backlog.format().setting();
        log.info("Backlog {}: {} orders in {}", name, backlog.size(), backlog.topic());
        Backlog.Drain sinkPlaced = sinkDrain(backlog, backlog.topic(), false);
        log.info("Backlog {}: sink wrote {} placed rows/s", name, Math.round(sinkPlaced.perSecond()));

        String outcomes = backlog.topic() + "-outcomes";
        Backlog.createTopic(stack.bootstrapServers(), outcomes, 3);
        Map<String, String> environment = new HashMap<>(stack.catalogServiceEnvironment());
        environment.put("ORDERS_TOPIC", backlog.topic());
        environment.put("ORDER_OUTCOMES_TOPIC", outcomes);
        environment.put("ORDERS_DEAD_LETTER_TOPIC", backlog.topic() + "-dlt");
        environment.put("SALES_TOTALS_TOPIC", backlog.topic() + "-sales-totals");
        environment.put("SALES_PER_MINUTE_TOPIC", backlog.topic() + "-sales-per-minute");
        environment.put("CATALOG_SALES_APPLICATION_ID", backlog.topic() + "-sales");
        environment.put(
                "CATALOG_SALES_STATE_DIR",
                work.resolve(backlog.topic() + "-streams").toString());
        environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", backlog.topic() + "-catalog");
        environment.put("RECORD_FORMAT", format);
        Backlog.Drain catalog;
        try (TopicWatcher decided = new TopicWatcher(stack.bootstrapServers(), outcomes);
                ServiceProcess catalogService = ServiceProcess.start(
                        "catalog-service",
                        catalogServiceJar,
                        Ports.free(),
                        environment,
                        stack.settings().dataDir().resolve("logs"),
                        FULL_JIT)) {
            Profiles.Recording recording = profile
                    ? Profiles.Recording.start(
                            catalogService.process().pid(), work.resolve(backlog.topic() + "-catalog.jfr"))
                    : null;
            catalog = decided.awaitDrain(backlog.size(), DRAIN_TIMEOUT);
            if (recording != null) {
                profiles.put("catalog", recording.stop("catalog-service draining " + name));
            }
        }
        log.info("Backlog {}: catalog decided {} orders/s", name, Math.round(catalog.perSecond()));
        Backlog.Drain sinkDecided = sinkDrain(backlog, outcomes, true);
        log.info("Backlog {}: sink wrote {} decided rows/s", name, Math.round(sinkDecided.perSecond()));
        return new Drained(sinkPlaced.perSecond(), catalog.perSecond(), sinkDecided.perSecond());
    }

    /** The JDBC sink as configured in connect-config/, with a connector of its own on one topic of the backlog. */
    private Backlog.Drain sinkDrain(Backlog backlog, String topic, boolean decided) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(ConnectorRegistrar.config(
                stack.settings().connectConfigDir(), SINK, backlog.format().setting()));
        config.put("topics", topic);
        config.put("errors.deadletterqueue.topic.name", topic + "-sink-dlq");
        // the guard for placed orders applies to the backlog's topic, the one for decisions to its outcomes
        config.put("predicates.isPlacedOrder.pattern", backlog.topic());
        String name = "bench-sink-" + topic;
        connect.register(name, json.writeValueAsString(config));
        String query = "SELECT COUNT(*) FROM orders WHERE order_id BETWEEN ? AND ?"
                + (decided ? " AND status <> 'PENDING'" : "");
        Backlog.Drain drain;
        try (Connection orders = database(MariaDb.ORDERS_DATABASE, stack.orderServiceAccount());
                PreparedStatement count = orders.prepareStatement(query)) {
            count.setString(1, backlog.firstId());
            count.setString(2, backlog.lastId());
            drain = Backlog.await(() -> single(count), backlog.size(), DRAIN_TIMEOUT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        connect.stop(name);
        return drain;
    }

    /**
     * The highest rate at which a phase passes ({@link Results.Phase#sustained()}): from half the bound, doubling
     * until a rate fails, then bisecting until the highest pass and the lowest failure are within 10 % (± 5 %).
     */
    private Results.Sustained maxSustained(String orderService, Results.Bound bound) throws Exception {
        List<Results.Phase> trials = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int rate = roundRate(bound.perSecond() / 2);
        for (int i = 0; i < options.trials() && rate > 0; i++) {
            Results.Phase trial = phase("trial " + (i + 1), orderService, rate, options.seconds(), true);
            trials.add(trial);
            if (trial.sustained()) {
                passed = Math.max(passed, rate);
            } else {
                failed = failed == 0 ? rate : Math.min(failed, rate);
            }
            if (failed != 0 && passed != 0 && failed - passed <= passed / 10) {
                break;
            }
            rate = failed == 0 ? rate * 2 : passed == 0 ? roundRate(rate / 2.0) : roundRate((passed + failed) / 2.0);
        }
        return new Results.Sustained(passed, failed, trials);
    }

    /**
     * An open-loop phase through the whole pipeline on the 1,000 products, with every order's three latencies. After
     * the load, rows have {@link #LATE} to arrive; any later one counts as late, and every order must still be
     * decided and stored (exactly once) before the next phase starts.
     */
    private Results.Phase phase(String label, String orderService, int rate, int seconds, boolean report)
            throws Exception {
        return phase(label, orderService, rate, seconds, report, servicesNow());
    }

    private Results.Phase phase(
            String label,
            String orderService,
            int rate,
            int seconds,
            boolean report,
            Map<String, ProcessHandle> services)
            throws Exception {
        MachineCpu.awaitQuiet(QUIET, QUIET_TIMEOUT);
        long stockBefore = spreadStock();
        Map<String, Long> cpuBefore = cpu(services);
        MachineCpu.Reading machineBefore = MachineCpu.read();
        long startNanos = System.nanoTime();
        MachineCpu.Reading loadEnd;
        LoadGenerator load = new LoadGenerator(orderService);
        LoadGenerator.Outcome outcome;
        Latencies decidedLatencies = new Latencies();
        Latencies rowLatencies = new Latencies();
        long late;
        long lost;
        try (TopicWatcher decided = new TopicWatcher(stack.bootstrapServers(), LocalStack.ORDER_OUTCOMES_TOPIC);
                RowWatcher rows = new RowWatcher(
                        stack.jdbcUrl(MariaDb.ORDERS_DATABASE), stack.orderServiceAccount(), decided::takeNewlySeen)) {
            String users = "bench-" + label.replaceAll("[^A-Za-z0-9]", "") + "-" + rate + "-";
            outcome = load.openLoop(load.placeOrders(users, this::product), rate, Duration.ofSeconds(seconds));
            loadEnd = MachineCpu.read();
            Collection<UUID> placed = outcome.placed().keySet();
            late = awaitRows(placed, rows, LATE);
            lost = awaitRows(placed, rows, DRAIN_TIMEOUT);
            outcome.placed().forEach((orderId, due) -> {
                Long decidedAt = decided.firstSeen(orderId.toString());
                Long rowAt = rows.seen(orderId.toString());
                if (decidedAt != null) {
                    decidedLatencies.recordNanos(decidedAt - due);
                }
                if (rowAt != null && rowAt - due <= LATE.toNanos()) {
                    rowLatencies.recordNanos(rowAt - due);
                }
            });
        }
        Map<String, Long> cpuAfter = cpu(services);
        double machineSeconds = MachineCpu.read().busySince(machineBefore)
                * (System.nanoTime() - startNanos)
                / 1e9
                * Runtime.getRuntime().availableProcessors();
        long taken = stockBefore - spreadStock();
        long doubled = Math.max(0, taken - outcome.ok());
        Map<String, Double> cpuPerOrder = new LinkedHashMap<>();
        cpuAfter.forEach((service, nanos) ->
                cpuPerOrder.put(service, (nanos - cpuBefore.get(service)) / 1_000.0 / Math.max(1, outcome.ok())));
        Results.Phase phase = new Results.Phase(
                label,
                rate,
                outcome,
                decidedLatencies,
                rowLatencies,
                late,
                lost,
                doubled,
                cpuPerOrder,
                loadEnd.busySince(machineBefore),
                machineSeconds * 1e6 / Math.max(1, outcome.ok()));
        if (report) {
            log.info(
                    "{} at {}/s: {}; decided p99 {} ms, row p99 {} ms, late {}, lost {}, doubled {}: {}",
                    label,
                    rate,
                    outcome.summary(),
                    decidedLatencies.percentileMillis(99),
                    rowLatencies.percentileMillis(99),
                    late,
                    lost,
                    doubled,
                    phase.sustained() ? "sustained" : "not sustained");
        }
        return phase;
    }

    /** Waits until every order's decided row was seen or the time is up; returns how many are still missing. */
    private static long awaitRows(Collection<UUID> placed, RowWatcher rows, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long missing = placed.size();
        while (System.nanoTime() < deadline) {
            missing = placed.stream()
                    .filter(id -> rows.seen(id.toString()) == null)
                    .count();
            if (missing == 0) {
                return 0;
            }
            Pauses.brief();
        }
        return missing;
    }

    /** Two catalog-service instances in one group and the sink with three tasks, at {@code rate}: still exact? */
    private Results.Phase scaledOut(int rate) throws Exception {
        String original = Files.readString(stack.settings().connectConfigDir().resolve(SINK + ".json"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode threeTasks = (ObjectNode) json.readTree(original);
        threeTasks.put("tasks.max", "3");
        ServiceProcess second = pipeline.startAnotherCatalogService();
        connect.register(SINK, json.writeValueAsString(threeTasks));
        connect.awaitRunning(SINK);
        try {
            Map<String, ProcessHandle> services = servicesNow();
            services.put("catalog-service 2", second.process());
            // the consumer group settles (partitions move to the new instance) before the measured phase
            phase("settle", pipeline.orderServices().get(0).url(), rate, 5, false, services);
            return phase(
                    "2 catalog-service instances, sink tasks.max=3",
                    pipeline.orderServices().get(0).url(),
                    rate,
                    options.seconds(),
                    true,
                    services);
        } finally {
            connect.register(SINK, original);
            connect.awaitRunning(SINK);
            pipeline.stopOtherCatalogServices();
        }
    }

    /**
     * Both services started afresh with these JVM options, warmed up, then run at 300 and 600 orders/s. The
     * stack's own instances stand aside meanwhile (catalog-service stopped, order-service idle).
     */
    private Results.Variant variant(String name, String settings, List<String> jvmOptions) throws Exception {
        pipeline.stopCatalogService();
        Path logs = stack.settings().dataDir().resolve("logs");
        int catalogPort = Ports.free();
        Map<String, String> catalogEnvironment = new HashMap<>(stack.catalogServiceEnvironment());
        catalogEnvironment.put(
                "CATALOG_SALES_STATE_DIR",
                work.resolve("variant-streams-" + catalogPort).toString());
        List<Results.Phase> phases = new ArrayList<>();
        try (ServiceProcess catalog = ServiceProcess.start(
                        "catalog-service", catalogServiceJar, catalogPort, catalogEnvironment, logs, jvmOptions);
                ServiceProcess order = ServiceProcess.start(
                        "order-service",
                        orderServiceJar,
                        Ports.free(),
                        withCatalogUrl(stack.orderServiceEnvironment(), catalog.url()),
                        logs,
                        jvmOptions)) {
            Map<String, ProcessHandle> services = new LinkedHashMap<>();
            services.put("order-service", order.process());
            services.put("catalog-service", catalog.process());
            phase("warm-up", order.url(), 300, options.quick() ? 10 : 45, false, services);
            for (int rate : List.of(300, 600)) {
                phases.add(phase(name, order.url(), rate, options.seconds(), true, services));
            }
        } finally {
            pipeline.startCatalogService();
        }
        return new Results.Variant(name, settings, phases);
    }

    private static Map<String, String> withCatalogUrl(Map<String, String> environment, String catalogUrl) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put("CATALOG_SERVICE_URL", catalogUrl);
        return copy;
    }

    private Map<String, ProcessHandle> servicesNow() {
        Map<String, ProcessHandle> services = new LinkedHashMap<>();
        services.put("order-service", pipeline.orderServices().get(0).process());
        services.put("catalog-service", pipeline.catalogService().process());
        return services;
    }

    private static Map<String, Long> cpu(Map<String, ProcessHandle> services) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        services.forEach((name, process) -> cpu.put(
                name, process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        return cpu;
    }

    /** Waits until catalog-service and the sink have read everything on the orders and outcomes topics. */
    private void awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            while (lag(admin, "catalog-service", Set.of(LocalStack.ORDERS_TOPIC))
                            + lag(
                                    admin,
                                    "connect-" + SINK,
                                    Set.of(LocalStack.ORDERS_TOPIC, LocalStack.ORDER_OUTCOMES_TOPIC))
                    > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The pipeline did not catch up within " + DRAIN_TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static long lag(Admin admin, String group, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
                admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private String product(long n) {
        return products[(int) (n % PRODUCTS)];
    }

    /** The hot product and the 1,000 products, all priced 1000 with stock that never runs out. */
    private void addProducts() throws SQLException {
        try (Connection catalog = database(MariaDb.CATALOG_DATABASE, stack.catalogServiceAccount());
                PreparedStatement insert = catalog.prepareStatement(
                        "INSERT INTO products (product_id, product_name, unit_price, stock) VALUES (?, ?, 1000, ?)")) {
            List<String> all = new ArrayList<>(List.of(products));
            all.add(HOT_PRODUCT);
            for (String productId : all) {
                insert.setString(1, productId);
                insert.setString(2, productId);
                insert.setLong(3, PLENTY);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // orders for them are refused (422) until order-service's read model has them
        pipeline.awaitCatalogSeen();
    }

    private long spreadStock() throws SQLException {
        try (Connection catalog = database(MariaDb.CATALOG_DATABASE, stack.catalogServiceAccount());
                PreparedStatement sum =
                        catalog.prepareStatement("SELECT SUM(stock) FROM products WHERE product_id BETWEEN ? AND ?")) {
            sum.setString(1, products[0]);
            sum.setString(2, products[PRODUCTS - 1]);
            return single(sum);
        }
    }

    private static long single(PreparedStatement query) {
        try (ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    private Connection database(String database, DatabaseAccount account) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), account.user(), account.password());
    }

    static int roundRate(double rate) {
        return (int) Math.max(10, Math.round(rate / 10) * 10);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
