package io.github.ordersync.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the local stack listens and keeps its files. Defaults are the standard ports; every value can be
 * overridden by an environment variable of the same name as the record component in upper snake case.
 *
 * @param kafkaPort Kafka's client listener ({@code KAFKA_PORT}, default 9092)
 * @param kafkaControllerPort the KRaft controller listener ({@code KAFKA_CONTROLLER_PORT}, default 9093)
 * @param mariadbPort MariaDB ({@code MARIADB_PORT}, default 3306)
 * @param connectPort Kafka Connect's REST API ({@code CONNECT_PORT}, default 8083)
 * @param registryPort the schema registry, started for the Avro record format only ({@code REGISTRY_PORT}, default
 *     8085)
 * @param recordFormat {@code envelope} or {@code avro}, for both services and both connectors ({@code RECORD_FORMAT},
 *     default envelope)
 * @param dataDir broker log, database files and logs ({@code LOCAL_STACK_DATA}, default {@code .local-stack/}, for
 *     Avro {@code .local-stack-avro/})
 * @param connectConfigDir worker properties and connector configs ({@code connect-config/})
 * @param pluginPath the unpacked Debezium JDBC sink ({@code connect-plugins/target/plugins})
 */
public record StackSettings(
        int kafkaPort,
        int kafkaControllerPort,
        int mariadbPort,
        int connectPort,
        int registryPort,
        String recordFormat,
        Path dataDir,
        Path connectConfigDir,
        Path pluginPath) {

    public static final String ENVELOPE = "envelope";
    public static final String AVRO = "avro";

    /** Standard ports and the project's own folders, each overridable by environment. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = ProjectLayout.root();
        return new StackSettings(
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "MARIADB_PORT", 3306),
                port(env, "CONNECT_PORT", 8083),
                port(env, "REGISTRY_PORT", 8085),
                recordFormat(env),
                Path.of(env.getOrDefault(
                        "LOCAL_STACK_DATA",
                        root.resolve(AVRO.equals(recordFormat(env)) ? ".local-stack-avro" : ".local-stack")
                                .toString())),
                root.resolve("connect-config"),
                ProjectLayout.connectPlugins());
    }

    /** Free ephemeral ports and a data directory of the caller's choosing: for tests next to a running demo. */
    public static StackSettings withFreePorts(Path dataDir) {
        return new StackSettings(
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                ENVELOPE,
                dataDir,
                ProjectLayout.root().resolve("connect-config"),
                ProjectLayout.connectPlugins());
    }

    /** The same settings in another record format. */
    public StackSettings withRecordFormat(String format) {
        return new StackSettings(
                kafkaPort,
                kafkaControllerPort,
                mariadbPort,
                connectPort,
                registryPort,
                recordFormat(Map.of("RECORD_FORMAT", format)),
                dataDir,
                connectConfigDir,
                pluginPath);
    }

    /** {@code RECORD_FORMAT}: {@code envelope} (also when unset) or {@code avro}, in lower case. */
    public static String recordFormat(Map<String, String> env) {
        String format = env.getOrDefault("RECORD_FORMAT", "").strip().toLowerCase(Locale.ROOT);
        if (format.isEmpty()) {
            return ENVELOPE;
        }
        if (!format.equals(ENVELOPE) && !format.equals(AVRO)) {
            throw new IllegalArgumentException("RECORD_FORMAT must be envelope or avro, was '" + format + "'");
        }
        return format;
    }

    /** Avro on the topics, so the stack runs the schema registry. */
    public boolean withRegistry() {
        return AVRO.equals(recordFormat);
    }

    /** The registry's v2 API, which Apicurio's serdes and Connect converter speak. */
    public String registryApiUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/registry/v2";
    }

    void requireUsable() {
        Ports.requireFree(kafkaPort, "Kafka", "KAFKA_PORT");
        Ports.requireFree(kafkaControllerPort, "the Kafka controller", "KAFKA_CONTROLLER_PORT");
        Ports.requireFree(mariadbPort, "MariaDB", "MARIADB_PORT");
        Ports.requireFree(connectPort, "Kafka Connect", "CONNECT_PORT");
        if (withRegistry()) {
            Ports.requireFree(registryPort, "the schema registry", "REGISTRY_PORT");
        }
        for (Path built : List.of(pluginPath, ProjectLayout.connectWorkerLib())) {
            if (!Files.isDirectory(built)) {
                throw new IllegalStateException(built + " is missing: build first with ./mvnw package -DskipTests");
            }
        }
    }

    /** The port in the environment variable, or the standard one when it is not set. */
    public static int port(Map<String, String> env, String name, int standard) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return standard;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
