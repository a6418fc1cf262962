package io.github.ordersync.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the local stack: its output in a log file, ready when an HTTP endpoint answers 200, gone when this
 * JVM is gone ({@link ParentWatch}).
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <arguments>} with the environment added to this JVM's own, and with an agent that ends the
     * new JVM when this one ends.
     */
    static ChildJvm start(String name, List<String> arguments, Map<String, String> environment, Path logFile) {
        return start(name, Path.of(System.getProperty("java.home")), arguments, environment, logFile);
    }

    /** As {@link #start(String, List, Map, Path)}, on the Java installed at {@code javaHome}. */
    static ChildJvm start(
            String name, Path javaHome, List<String> arguments, Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add(ParentWatch.agentOption(logFile.toAbsolutePath().getParent()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ChildJvm(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's classes and the libraries in {@code lib}: a classpath for a child JVM. */
    static String classpath(Path lib) {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build first with ./mvnw package -DskipTests");
        }
        try {
            Path ownClasses = Path.of(ChildJvm.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return ownClasses + File.pathSeparator + lib.toAbsolutePath() + File.separator + "*";
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code GET url} answers 200; stops the JVM and fails with its log's tail otherwise. */
    void awaitHttpOk(URI url, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + ". Its log, "
                        + logFile + ", ends with:\n" + Logs.tail(logFile, 40));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url)
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
        throw new IllegalStateException(name + " was not ready within " + timeout + ". Its log, " + logFile
                + ", ends with:\n" + Logs.tail(logFile, 40));
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    /** {@code kill -9}: no shutdown hooks. For fault tests. */
    void kill() {
        process.destroyForcibly();
        waitForExit(10);
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with {@code kill}, which Java's Process cannot. For fault tests. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, then {@code kill -9} if it has not stopped within 20 s. */
    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(20)) {
            process.destroyForcibly();
            waitForExit(10);
        }
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
