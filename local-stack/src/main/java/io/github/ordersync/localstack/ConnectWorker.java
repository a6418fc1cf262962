package io.github.ordersync.localstack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka Connect distributed worker in a child JVM: its own classpath world (Connect's Jetty must not meet the
 * services' versions), its own environment (connector configs read credentials through {@code ${env:...}}), and
 * it can be killed and restarted like a real worker.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final String url;
    private final Path logFile;

    private ConnectWorker(Process process, String url, Path logFile) {
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /**
     * Starts the worker with connect-config/worker.properties plus this deployment's bootstrap servers, listener
     * and plugin path, and waits until its REST API answers.
     */
    static ConnectWorker start(StackSettings settings, String bootstrapServers, Map<String, String> environment) {
        Path dir = settings.dataDir().toAbsolutePath();
        Path workerProperties = dir.resolve("connect-worker.properties");
        Path logFile = dir.resolve("logs/connect.log");
        String url = "http://127.0.0.1:" + settings.connectPort();
        try {
            Files.createDirectories(logFile.getParent());
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
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            javaExecutable(),
                            "-Xms128m",
                            "-Xmx512m",
                            "-Dlocalstack.log.level=INFO",
                            "-cp",
                            workerClasspath(settings),
                            ConnectWorkerMain.class.getName(),
                            workerProperties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            ConnectWorker worker = new ConnectWorker(builder.start(), url, logFile);
            worker.awaitRestApi();
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    Path logFile() {
        return logFile;
    }

    /** Kills the worker without letting it shut down: for fault tests. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(10);
    }

    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(15)) {
            process.destroyForcibly();
            waitForExit(10);
        }
    }

    private void awaitRestApi() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Connect worker exited with code " + process.exitValue()
                        + ". Its log, " + logFile + ", ends with:\n" + Logs.tail(logFile, 40));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/connectors"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // REST not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.briefly();
        }
        close();
        throw new IllegalStateException("The Connect worker's REST API did not answer within " + START_TIMEOUT
                + ". Its log, " + logFile + ", ends with:\n" + Logs.tail(logFile, 40));
    }

    private boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kafka's Connect runtime (built into local-stack/target/connect-worker-lib) and this module's classes. */
    private static String workerClasspath(StackSettings settings) {
        try {
            Path ownClasses = Path.of(ConnectWorkerMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return ownClasses + File.pathSeparator + settings.connectWorkerLib().toAbsolutePath() + File.separator
                    + "*";
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
