package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's Spring Boot services, run from its executable jar in a JVM of its own, as in production:
 * configured through environment variables, ready when its readiness probe says UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts {@code java -jar <jar>} with the given environment and waits until it is ready. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name + " is not built: " + jar + " is missing (./mvnw package -DskipTests)");
        }
        Ports.requireFree(port, name, name.toUpperCase().replace('-', '_') + "_PORT");
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(name + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xms64m",
                            "-Xmx384m",
                            // C1 only: starts in about half the time on two cores; measure throughput without it
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toAbsolutePath().toString(),
                            "--server.port=" + port,
                            "--server.address=127.0.0.1"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            ServiceProcess service = new ServiceProcess(name, builder.start(), port, logFile);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hooks, no graceful shutdown. For fault tests. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(10);
    }

    /** SIGTERM, which Spring Boot answers with a graceful shutdown. */
    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(20)) {
            process.destroyForcibly();
            waitForExit(10);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create(url() + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + ". Its log, "
                        + logFile + ", ends with:\n" + Logs.tail(logFile, 40));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.briefly();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ". Its log, " + logFile
                + ", ends with:\n" + Logs.tail(logFile, 40));
    }

    private boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
