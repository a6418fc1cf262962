package io.github.ordersync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registers every connector config in connect-config/ ({@code <name>.json}) through Connect's REST API and waits
 * until the connector and its tasks run. {@code PUT /connectors/<name>/config} creates or updates, so registering
 * again is harmless. In the Avro record format, {@code avro/<name>.json} overrides keys of the connector's config
 * (its value converter).
 */
public final class ConnectorRegistrar {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);
    private static final int MAX_RESTARTS = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String connectUrl;

    public ConnectorRegistrar(String connectUrl) {
        this.connectUrl = connectUrl;
    }

    /** Registers each {@code *.json} of the folder, waits until each runs, and returns the connector names. */
    public List<String> registerAll(Path configDir, String recordFormat) {
        List<String> names = connectorNames(configDir);
        for (String name : names) {
            register(name, config(configDir, name, recordFormat));
            awaitRunning(name);
        }
        return names;
    }

    /**
     * The connector's config: {@code <name>.json}, and for a record format other than the envelope the keys of
     * {@code <format>/<name>.json} on top, if there is one.
     */
    public static String config(Path configDir, String name, String recordFormat) {
        String config = read(configDir.resolve(name + ".json"));
        Path overrides = configDir.resolve(recordFormat).resolve(name + ".json");
        if (!Files.isRegularFile(overrides)) {
            return config;
        }
        try {
            ObjectNode merged = (ObjectNode) JSON.readTree(config);
            merged.setAll((ObjectNode) JSON.readTree(read(overrides)));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable connector config " + overrides, e);
        }
    }

    /** The connectors of a folder: one per {@code <name>.json}. */
    public List<String> connectorNames(Path configDir) {
        try (Stream<Path> files = Files.list(configDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PUT /connectors/<name>/config}: creates the connector or updates its configuration. */
    public void register(String name, String configJson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(configJson)));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Connect refused connector " + name + " (" + response.statusCode() + "): " + response.body());
        }
    }

    /**
     * Waits until the connector and all its tasks are RUNNING. A task that failed because the database was not
     * reachable yet is restarted a few times; any other failure ends the wait with the task's trace.
     */
    public void awaitRunning(String name) {
        Instant deadline = Instant.now().plus(RUNNING_TIMEOUT);
        int restarts = 0;
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = status(name);
            if (status != null) {
                String connectorState = status.path("connector").path("state").asText();
                JsonNode tasks = status.path("tasks");
                List<String> traces = new ArrayList<>();
                if ("FAILED".equals(connectorState)) {
                    traces.add(status.path("connector").path("trace").asText());
                }
                boolean allRunning = "RUNNING".equals(connectorState) && !tasks.isEmpty();
                for (JsonNode task : tasks) {
                    String state = task.path("state").asText();
                    if ("FAILED".equals(state)) {
                        traces.add(task.path("trace").asText());
                    }
                    allRunning &= "RUNNING".equals(state);
                }
                if (!traces.isEmpty()) {
                    if (restarts >= MAX_RESTARTS
                            || !traces.stream().allMatch(ConnectorRegistrar::databaseNotReachable)) {
                        throw new IllegalStateException("Connector " + name + " FAILED:\n" + String.join("\n", traces));
                    }
                    restarts++;
                    restartFailedTasks(name);
                }
                if (allRunning) {
                    return;
                }
            }
            Pause.briefly();
        }
        throw new IllegalStateException(
                "Connector " + name + " was not RUNNING after " + RUNNING_TIMEOUT + "; last status: " + status);
    }

    /** {@code GET /connectors/<name>/status}, or null while Connect does not know the connector yet. */
    public JsonNode status(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + name + "/status")));
        if (response.statusCode() == 404) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /connectors/<name>/restart?includeTasks=true&onlyFailed=true}. */
    public void restartFailedTasks(String name) {
        send(HttpRequest.newBuilder(uri("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code PUT /connectors/<name>/stop}, then waits for STOPPED: its tasks are gone, its offsets can be reset. */
    public void stop(String name) {
        expect(
                send(HttpRequest.newBuilder(uri("/connectors/" + name + "/stop"))
                        .PUT(HttpRequest.BodyPublishers.noBody())),
                204);
        Instant deadline = Instant.now().plus(RUNNING_TIMEOUT);
        while (!"STOPPED".equals(status(name).path("connector").path("state").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Connector " + name + " did not stop: " + status(name));
            }
            Pause.briefly();
        }
    }

    /** {@code DELETE /connectors/<name>/offsets} of a stopped sink: it starts again from the topics' beginning. */
    public void resetOffsets(String name) {
        expect(
                send(HttpRequest.newBuilder(uri("/connectors/" + name + "/offsets"))
                        .DELETE()),
                200);
    }

    /** {@code PUT /connectors/<name>/resume}, then waits until it runs. */
    public void resume(String name) {
        expect(
                send(HttpRequest.newBuilder(uri("/connectors/" + name + "/resume"))
                        .PUT(HttpRequest.BodyPublishers.noBody())),
                202);
        awaitRunning(name);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Connect answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.uri() + ": " + response.body());
        }
    }

    private static boolean databaseNotReachable(String trace) {
        // Debezium reports any failed first connection as "Unable to determine Dialect"; the cause tells which.
        if (trace.contains("Access denied")) {
            return false;
        }
        return trace.contains("Unable to determine Dialect")
                || trace.contains("Connection refused")
                || trace.contains("Socket fail to connect");
    }

    private URI uri(String path) {
        return URI.create(connectUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Connect did not answer at " + connectUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
