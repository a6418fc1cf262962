package io.github.ordersync.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack ({@link LocalStackMain}) in a JVM of its own, for callers whose classpath cannot hold Kafka's
 * server and Connect (the Spring Boot services' tests): ready when its connectors are registered.
 */
public final class LocalStackProcess extends InChildJvm {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final StackSettings settings;
    private final Map<String, String> environment;

    private LocalStackProcess(ChildJvm jvm, StackSettings settings, Map<String, String> environment) {
        super(jvm);
        this.settings = settings;
        this.environment = environment;
    }

    /**
     * Starts the stack with these ports and data directory, and waits until its connectors are registered. What a
     * killed run left running on the data directory is stopped first, before the ports are checked.
     */
    public static LocalStackProcess start(StackSettings settings, Map<String, String> environment) {
        StartedProcesses.stopLeftovers(settings.dataDir());
        settings.requireUsable();
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.put("KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        childEnvironment.put("KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort()));
        childEnvironment.put("MARIADB_PORT", Integer.toString(settings.mariadbPort()));
        childEnvironment.put("CONNECT_PORT", Integer.toString(settings.connectPort()));
        childEnvironment.put(
                "LOCAL_STACK_DATA", settings.dataDir().toAbsolutePath().toString());
        ChildJvm jvm = ChildJvm.start(
                "The local stack",
                List.of("-Xms64m", "-Xmx768m", "-cp", classpath(), LocalStackMain.class.getName()),
                childEnvironment,
                settings.dataDir().resolve("logs/local-stack.log"));
        ConnectorRegistrar registrar = new ConnectorRegistrar("http://127.0.0.1:" + settings.connectPort());
        String firstConnector =
                registrar.connectorNames(settings.connectConfigDir()).get(0);
        jvm.awaitHttpOk(
                URI.create("http://127.0.0.1:" + settings.connectPort() + "/connectors/" + firstConnector + "/status"),
                START_TIMEOUT);
        return new LocalStackProcess(jvm, settings, environment);
    }

    /** How order-service finds this stack: the variables its application.yml reads. */
    public Map<String, String> orderServiceEnvironment() {
        return ServiceEnvironments.orderService(settings, DatabaseAccount.orderService(environment));
    }

    /** How catalog-service finds this stack: the variables its application.yml reads. */
    public Map<String, String> catalogServiceEnvironment() {
        return ServiceEnvironments.catalogService(settings, DatabaseAccount.catalogService(environment));
    }

    /** This module's classes and its runtime libraries (local-stack/target/lib, made by ./mvnw package). */
    static String classpath() {
        return ChildJvm.classpath(ProjectLayout.localStackLib());
    }
}
