package io.github.ordersync.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka in KRaft combined mode (broker and controller), running in this JVM, or in a JVM of its own
 * ({@link KafkaBrokerMain}) when a fault test must pause it as a process.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** The server in this JVM, or the JVM it runs in. */
    private final AutoCloseable running;

    private final String bootstrapServers;

    private KafkaBroker(AutoCloseable running, String bootstrapServers) {
        this.running = running;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the log directory on first use (a new cluster), then starts the broker on it. */
    static KafkaBroker start(int port, int controllerPort, Path dataDir) {
        Path logDir = dataDir.resolve("kafka");
        Properties config = config(port, controllerPort, logDir);
        Path configFile = dataDir.resolve("kafka-server.properties");
        try {
            Files.createDirectories(logDir);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                config.store(out, "Written by the local stack at every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
        AutoCloseable stop = () -> {
            server.shutdown();
            server.awaitShutdown();
        };
        return new KafkaBroker(stop, "127.0.0.1:" + port);
    }

    /**
     * As {@link #start}, in a child JVM: a process of its own that {@link #pause} can stop and {@link #resume}
     * continue. Ready when it answers an admin client.
     */
    static KafkaBroker startInOwnJvm(StackSettings settings) {
        ChildJvm jvm = ChildJvm.start(
                "The Kafka broker",
                List.of(
                        "-Xms128m",
                        "-Xmx512m",
                        "-cp",
                        LocalStackProcess.classpath(),
                        KafkaBrokerMain.class.getName(),
                        Integer.toString(settings.kafkaPort()),
                        Integer.toString(settings.kafkaControllerPort()),
                        settings.dataDir().toAbsolutePath().toString()),
                Map.of(),
                settings.dataDir().resolve("logs/kafka.log"));
        KafkaBroker broker = new KafkaBroker(jvm, "127.0.0.1:" + settings.kafkaPort());
        broker.awaitAnswer(jvm);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics " + topics, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s at " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code SIGSTOP}: the broker keeps its connections but answers nothing, as in a long GC pause. For fault tests. */
    void pause() {
        ownJvm().signal("STOP");
    }

    /** {@code SIGCONT} after {@link #pause}. */
    void resume() {
        ownJvm().signal("CONT");
    }

    @Override
    public void close() {
        try {
            running.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly", e);
        }
    }

    private ChildJvm ownJvm() {
        if (running instanceof ChildJvm jvm) {
            return jvm;
        }
        throw new IllegalStateException("The broker runs inside this JVM and cannot be paused: start the stack with "
                + LocalStack.KAFKA_IN_OWN_JVM + "=true");
    }

    /** Waits until the broker in the child JVM lists the cluster's nodes; stops it and fails otherwise. */
    private void awaitAnswer(ChildJvm jvm) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                2_000))) {
            while (Instant.now().isBefore(deadline) && jvm.isAlive()) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                Pause.briefly();
            }
        }
        jvm.close();
        throw new IllegalStateException("The Kafka broker did not answer within " + START_TIMEOUT + ". Its log, "
                + jvm.logFile() + ", ends with:\n" + Logs.tail(jvm.logFile(), 40));
    }

    private static Properties config(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: internal topics can have one replica only.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their partition counts; a typo must not create a new topic.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "3");
        return props;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {
                        "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()
                    },
                    out);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "Formatting Kafka storage failed (" + exitCode + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
