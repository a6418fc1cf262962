package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's real infrastructure on 127.0.0.1: a Kafka KRaft broker, MariaDB, and a Kafka Connect worker
 * running the connectors of connect-config/. Written once, used by the integration tests, the demo and the
 * benchmark. Closing it stops everything it started, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    // Read from stack/topics.properties, the one definition of the topics.
    public static final String ORDERS_TOPIC = StackDefinition.topicName("orders");
    public static final String ORDER_OUTCOMES_TOPIC = StackDefinition.topicName("order-outcomes");
    public static final String ORDERS_DEAD_LETTER_TOPIC = StackDefinition.topicName("orders-dead-letter");
    public static final String ORDERS_SINK_DEAD_LETTER_TOPIC = StackDefinition.topicName("orders-sink-dead-letter");

    /**
     * Set to {@code true} in the environment, the broker runs in a JVM of its own instead of this one: a process
     * that {@link #pauseKafka} can pause. For fault tests; the default saves a JVM.
     */
    public static final String KAFKA_IN_OWN_JVM = "KAFKA_IN_OWN_JVM";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final StartedProcesses started;
    private KafkaBroker kafka;
    private MariaDb mariadb;
    private SchemaRegistry registry;
    private ConnectWorker connect;
    private FailedTaskRestarter restarter;

    private LocalStack(StackSettings settings, Map<String, String> environment, StartedProcesses started) {
        this.settings = settings;
        this.environment = environment;
        this.started = started;
    }

    /**
     * Deletes a stack's data directory (all topics, orders and stock), for a start from nothing; first stops what a
     * killed run on it left running (MariaDB's server would go on with deleted files and keep its port).
     */
    public static void deleteData(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        StartedProcesses.stopLeftovers(dataDir);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDir, e);
        }
    }

    /** A new stack on free ports, its data in {@code dataDir} (deleted first): for tests, next to a running demo. */
    public static LocalStack startFresh(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath();
        deleteData(absolute);
        return start(StackSettings.withFreePorts(absolute), Map.of());
    }

    /**
     * Stops what a killed earlier run on the same data directory left running, then starts all three components; on
     * any failure stops what already runs and rethrows.
     */
    public static LocalStack start(StackSettings settings, Map<String, String> environment) {
        StartedProcesses started = StartedProcesses.takeOver(settings.dataDir());
        settings.requireUsable();
        keepRecordFormat(settings);
        LocalStack stack = new LocalStack(settings, environment, started);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * A data directory's topics hold records of one format: the first start writes it down, a start in the other
     * format is refused instead of meeting records its consumers cannot read.
     */
    private static void keepRecordFormat(StackSettings settings) {
        Path mark = settings.dataDir().resolve("record-format");
        try {
            if (Files.isRegularFile(mark)) {
                String written = Files.readString(mark).strip();
                if (!written.equals(settings.recordFormat())) {
                    throw new IllegalStateException("The topics in " + settings.dataDir() + " hold records in the "
                            + written + " format, not " + settings.recordFormat() + ": start with --fresh (forgets"
                            + " all orders, stock and topics) or with another LOCAL_STACK_DATA");
                }
                return;
            }
            Files.createDirectories(settings.dataDir());
            Files.writeString(mark, settings.recordFormat() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAll() {
        ExecutorService starter = Executors.newFixedThreadPool(2);
        CompletableFuture<MariaDb> database =
                CompletableFuture.supplyAsync(() -> MariaDb.start(settings.mariadbPort(), settings.dataDir()), starter);
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(this::startBroker, starter);
        starter.shutdown();
        // Both start in parallel; whichever started is stopped by close() even if the other failed.
        CompletableFuture.allOf(database, broker)
                .handle((ignored, failure) -> null)
                .join();
        mariadb = database.isCompletedExceptionally() ? null : database.join();
        kafka = broker.isCompletedExceptionally() ? null : broker.join();
        if (mariadb != null) {
            recordMariaDbServer();
        }
        RuntimeException failure = null;
        for (CompletableFuture<?> component : List.of(database, broker)) {
            try {
                component.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }

        prepareDatabase();
        log.info(
                "MariaDB        ready  {}  (databases {}, {})",
                mariadb.jdbcUrl(MariaDb.ORDERS_DATABASE),
                MariaDb.ORDERS_DATABASE,
                MariaDb.CATALOG_DATABASE);

        List<NewTopic> topics = StackDefinition.topics();
        kafka.createTopics(topics);
        log.info(
                "Kafka          ready  {}  (KRaft; topics {})",
                kafka.bootstrapServers(),
                topics.stream().map(NewTopic::name).toList());

        if (settings.withRegistry()) {
            startRegistry();
        }

        connect = ConnectWorker.start(settings, kafka.bootstrapServers(), connectEnvironment());
        started.add(connect.process());
        List<String> connectors =
                new ConnectorRegistrar(connect.url()).registerAll(settings.connectConfigDir(), settings.recordFormat());
        restarter = FailedTaskRestarter.watch(connectUrl(), connectors);
        log.info(
                "Kafka Connect  ready  {}  (connectors {} RUNNING; log {})",
                connect.url(),
                connectors,
                connect.logFile());
    }

    private KafkaBroker startBroker() {
        return Boolean.parseBoolean(environment.get(KAFKA_IN_OWN_JVM))
                ? KafkaBroker.startInOwnJvm(settings)
                : KafkaBroker.start(settings.kafkaPort(), settings.kafkaControllerPort(), settings.dataDir());
    }

    /** At every start, also of a data directory prepared before: the start may bring install-db's defaults back. */
    private void prepareDatabase() {
        mariadb.prepare(MariaDb.read(settings.connectConfigDir().resolve("mydb-schema.sql")), environment);
    }

    private Map<String, String> connectEnvironment() {
        DatabaseAccount sink = sinkAccount();
        DatabaseAccount source = DatabaseAccount.catalogSource(environment);
        DatabaseAccount courseDemo = DatabaseAccount.courseDemo(environment);
        return Map.ofEntries(
                Map.entry("CONNECT_DB_HOST", "127.0.0.1"),
                Map.entry("CONNECT_DB_PORT", String.valueOf(settings.mariadbPort())),
                Map.entry("CONNECT_SCHEMA_HISTORY_BOOTSTRAP_SERVERS", bootstrapServers()),
                Map.entry("SCHEMA_REGISTRY_URL", settings.registryApiUrl()),
                Map.entry("ORDERS_SINK_DB_URL", jdbcUrl(MariaDb.ORDERS_DATABASE) + "?useBulkStmts=true"),
                Map.entry("ORDERS_SINK_DB_USER", sink.user()),
                Map.entry("ORDERS_SINK_DB_PASSWORD", sink.password()),
                Map.entry("CATALOG_SOURCE_DB_USER", source.user()),
                Map.entry("CATALOG_SOURCE_DB_PASSWORD", source.password()),
                Map.entry("COURSE_DEMO_DB_URL", jdbcUrl(MariaDb.COURSE_DATABASE)),
                Map.entry("COURSE_DEMO_DB_USER", courseDemo.user()),
                Map.entry("COURSE_DEMO_DB_PASSWORD", courseDemo.password()));
    }

    // Addresses come from the settings, so they stay valid while a component is stopped for a fault test.

    public String bootstrapServers() {
        return ServiceEnvironments.bootstrapServers(settings);
    }

    public String connectUrl() {
        return "http://127.0.0.1:" + settings.connectPort();
    }

    /** The schema registry's base URL (Avro record format only). */
    public String registryUrl() {
        return "http://127.0.0.1:" + settings.registryPort();
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return ServiceEnvironments.jdbcUrl(settings.mariadbPort(), database);
    }

    /** Every account of stack/users.sql, with the passwords this stack gave them. */
    public List<DatabaseAccount> accounts() {
        return DatabaseAccount.all(environment);
    }

    public DatabaseAccount sinkAccount() {
        return DatabaseAccount.ordersSink(environment);
    }

    public DatabaseAccount orderServiceAccount() {
        return DatabaseAccount.orderService(environment);
    }

    public DatabaseAccount catalogServiceAccount() {
        return DatabaseAccount.catalogService(environment);
    }

    /** How order-service finds this stack: the variables its application.yml reads. */
    public Map<String, String> orderServiceEnvironment() {
        return ServiceEnvironments.orderService(settings, orderServiceAccount());
    }

    /** How catalog-service finds this stack: the variables its application.yml reads. */
    public Map<String, String> catalogServiceEnvironment() {
        return ServiceEnvironments.catalogService(settings, catalogServiceAccount());
    }

    public StackSettings settings() {
        return settings;
    }

    /** Lists a process started for this stack (a service), so a start after a killed run stops it. */
    void recordStarted(ProcessHandle process) {
        started.add(process);
    }

    /** The server is not a JVM that could watch this one: after a kill -9 of this JVM only the next start stops it. */
    private void recordMariaDbServer() {
        mariadb.process()
                .ifPresentOrElse(
                        started::add,
                        () -> log.warn("MariaDB's server process not found: a start after a kill -9 cannot stop it"));
    }

    // Faults, for the fault-injection tests: each component can be stopped and started again on the same ports
    // and data, as a crashed or restarted server would be.

    /** Stops the broker (a controlled shutdown); its log directory stays. */
    public void stopKafka() {
        kafka.close();
        kafka = null;
        log.info("Kafka          stopped");
    }

    /** Starts the broker again on the same ports and log directory. */
    public void startKafka() {
        kafka = startBroker();
        log.info("Kafka          ready  {}  (restarted)", kafka.bootstrapServers());
    }

    /**
     * {@code SIGSTOP} to the broker's process: its connections stay open, nothing is answered, as in a long GC
     * pause or a frozen VM. Needs {@link #KAFKA_IN_OWN_JVM}.
     */
    public void pauseKafka() {
        kafka.pause();
        log.info("Kafka          paused (SIGSTOP)");
    }

    /** {@code SIGCONT}: the broker goes on where it was paused. */
    public void resumeKafka() {
        kafka.resume();
        log.info("Kafka          resumed (SIGCONT)");
    }

    /** Stops MariaDB; its data directory stays. */
    public void stopMariaDb() {
        mariadb.close();
        mariadb = null;
        log.info("MariaDB        stopped");
    }

    /** Starts MariaDB again on the same port and data directory (users and data are still there). */
    public void startMariaDb() {
        mariadb = MariaDb.start(settings.mariadbPort(), settings.dataDir());
        recordMariaDbServer();
        prepareDatabase();
        log.info("MariaDB        ready  (restarted)");
    }

    /** Starts the schema registry (again, after {@link #stopRegistry}): it reads its schemas back from Kafka. */
    public void startRegistry() {
        registry = SchemaRegistry.start(settings, bootstrapServers(), environment);
        started.add(registry.process());
        log.info(
                "Schema registry ready  {}  (Apicurio, schemas in Kafka, BACKWARD; log {})",
                registry.url(),
                registry.logFile());
    }

    /** Stops the schema registry. */
    public void stopRegistry() {
        registry.close();
        registry = null;
        log.info("Schema registry stopped");
    }

    /** {@code kill -9} of the Connect worker: no rebalance, no offset commit, as in a crash. */
    public void killConnect() {
        connect.kill();
        connect = null;
        log.info("Kafka Connect  killed");
    }

    /**
     * Starts a new Connect worker with the same settings. It finds its connectors and their offsets in Kafka, so
     * nothing is registered again; this waits until every connector runs.
     */
    public void startConnect() {
        connect = ConnectWorker.start(settings, bootstrapServers(), connectEnvironment());
        started.add(connect.process());
        ConnectorRegistrar registrar = new ConnectorRegistrar(connect.url());
        registrar.connectorNames(settings.connectConfigDir()).forEach(registrar::awaitRunning);
        log.info("Kafka Connect  ready  {}  (restarted)", connect.url());
    }

    /**
     * Stops Connect (and the restarting of its failed tasks), then the schema registry, Kafka and MariaDB; every one is
     * attempted even if an earlier one fails.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable component : new AutoCloseable[] {restarter, connect, registry, kafka, mariadb}) {
            if (component == null) {
                continue;
            }
            try {
                component.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Stopping the local stack failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        restarter = null;
        connect = null;
        registry = null;
        kafka = null;
        mariadb = null;
        if (failure != null) {
            throw failure;
        }
    }
}
