package io.github.ordersync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * again is harmless.
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

    /** Registers each {@code *.json} of the folder and returns the connector names. */
    public List<String> registerAll(Path configDir) {
        try (Stream<Path> files = Files.list(configDir)) {
            List<Path> configs = files.filter(
                            file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
            for (Path config : configs) {
                String name = config.getFileName().toString().replaceFirst("\\.json$", "");
                register(name, Files.readString(config));
                awaitRunning(name);
            }
            return configs.stream()
                    .map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(String name, String configJson) {
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
