package io.github.ordersync.launchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ordersync.localstack.ConnectorRegistrar;
import io.github.ordersync.localstack.LocalStack;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The compose sidekick's entry point, run as compose runs it (its own JVM, the worker's URL and a connect-config
 * folder), against a real worker: it registers a connector and brings its FAILED task back once the cause is gone.
 */
class SuperviseConnectorsIT {

    /** A second sink with the project's config, which only the supervisor under test watches (not the stack). */
    private static final String PROBE = "restart-probe";

    @AutoClose
    private static final LocalStack stack = LocalStack.startFresh(Path.of("target/supervise-connectors-it"));

    @Test
    void restartsASinkTaskThatFailedWhileItsDatabaseWasDown() throws Exception {
        Path configDir = Files.createDirectories(stack.settings().dataDir().resolve("probe-config"));
        Files.copy(stack.settings().connectConfigDir().resolve("orders-sink.json"), configDir.resolve(PROBE + ".json"));
        Path log = Files.createDirectories(stack.settings().dataDir().resolve("logs"))
                .resolve("supervise-connectors.log");
        Process supervisor = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        launchersClasspath(),
                        SuperviseConnectors.class.getName(),
                        stack.connectUrl(),
                        configDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> Files.readString(log).contains("Watching [" + PROBE + "] for FAILED tasks"));

            stack.stopMariaDb();
            try {
                // A task that starts while its database is down fails at once ("Unable to determine Dialect").
                restartWithItsTasks(PROBE);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Files.readString(log).contains(PROBE + " FAILED"));
            } finally {
                stack.startMariaDb();
            }

            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(states(PROBE)).containsOnly("RUNNING"));
            assertThat(supervisor.isAlive()).isTrue();
        } finally {
            supervisor.destroy();
            supervisor.waitFor();
        }
    }

    /** As the Connect image runs it: this module's classes and what it runs on (target/lib, made at package). */
    private static String launchersClasspath() throws URISyntaxException {
        Path classes = Path.of(SuperviseConnectors.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return classes + File.pathSeparator + Path.of("target/lib").toAbsolutePath() + File.separator + "*";
    }

    private static void restartWithItsTasks(String connector) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.connectUrl() + "/connectors/" + connector + "/restart?includeTasks=true"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 204);
    }

    /** The connector's state followed by each task's. */
    private static List<String> states(String connector) {
        JsonNode status = new ConnectorRegistrar(stack.connectUrl()).status(connector);
        List<String> states = new ArrayList<>();
        states.add(status.path("connector").path("state").asText());
        status.path("tasks").forEach(task -> states.add(task.path("state").asText()));
        return states;
    }
}
