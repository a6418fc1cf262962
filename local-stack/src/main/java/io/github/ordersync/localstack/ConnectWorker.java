package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Kafka Connect distributed worker in a child JVM: its own classpath world (Connect's Jetty must not meet the
 * services' versions), its own environment (connector configs read credentials through {@code ${env:...}}), and
 * it can be killed and restarted like a real worker.
 */
public final class ConnectWorker extends InChildJvm {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String url;

    private ConnectWorker(ChildJvm jvm, String url) {
        super(jvm);
        this.url = url;
    }

    /**
     * Starts the worker with connect-config/worker.properties plus this deployment's bootstrap servers, listener
     * and plugin path, and waits until its REST API answers.
     */
    static ConnectWorker start(StackSettings settings, String bootstrapServers, Map<String, String> environment) {
        Path dir = settings.dataDir().toAbsolutePath();
        Path workerProperties = dir.resolve("connect-worker.properties");
        String url = "http://127.0.0.1:" + settings.connectPort();
        try {
            Files.createDirectories(dir);
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(settings.connectConfigDir().resolve("worker.properties"))) {
                properties.load(in);
            }
            properties.put("bootstrap.servers", bootstrapServers);
            properties.put("listeners", url);
            properties.put("rest.advertised.host.name", "127.0.0.1");
            properties.put("rest.advertised.port", Integer.toString(settings.connectPort()));
            properties.put("plugin.path", settings.pluginPath().toAbsolutePath().toString());
            try (OutputStream out = Files.newOutputStream(workerProperties)) {
                properties.store(out, "connect-config/worker.properties plus the local stack's addresses");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm jvm = ChildJvm.start(
                "The Connect worker",
                List.of(
                        "-Xms128m",
                        "-Xmx512m",
                        "-Dlocalstack.log.level=INFO",
                        "-cp",
                        ChildJvm.classpath(ProjectLayout.connectWorkerLib()),
                        ConnectWorkerMain.class.getName(),
                        workerProperties.toString()),
                environment,
                dir.resolve("logs/connect.log"));
        jvm.awaitHttpOk(URI.create(url + "/connectors"), START_TIMEOUT);
        return new ConnectWorker(jvm, url);
    }

    public String url() {
        return url;
    }
}
