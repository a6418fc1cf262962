package io.github.ordersync.orderservice.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.RestClient;

/** Against a stand-in for Kafka Connect's REST API that answers what Connect answers. */
class SinkConnectorHealthIndicatorTest {

    private HttpServer connect;
    private int statusCode;
    private String body;

    @BeforeEach
    void startConnect() throws IOException {
        connect = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        connect.createContext("/connectors/orders-sink/status", exchange -> {
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(statusCode, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        connect.start();
    }

    @AfterEach
    void stopConnect() {
        connect.stop(0);
    }

    @Test
    void runningConnectorWithRunningTasksIsUp() {
        answer(200, """
                {"name":"orders-sink","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                 "tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:8083"}],"type":"sink"}""");

        Health health = indicator().health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("connector", "orders-sink")
                .containsEntry("state", "RUNNING")
                .containsEntry("tasks", List.of(Map.of("id", 0, "state", "RUNNING")));
    }

    @Test
    void failedTaskIsDownWithTheFirstLineOfItsTraceAsReason() {
        answer(200, """
                {"name":"orders-sink","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                 "tasks":[{"id":0,"state":"FAILED","worker_id":"127.0.0.1:8083",
                   "trace":"org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.\\n\\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:636)"}],
                 "type":"sink"}""");

        Health health = indicator().health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry(
                        "reason",
                        "task 0: org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to"
                                + " unrecoverable exception.");
    }

    @Test
    void pausedConnectorIsOutOfService() {
        answer(200, """
                {"name":"orders-sink","connector":{"state":"PAUSED","worker_id":"127.0.0.1:8083"},
                 "tasks":[{"id":0,"state":"PAUSED","worker_id":"127.0.0.1:8083"}],"type":"sink"}""");

        assertThat(indicator().health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void unregisteredConnectorIsDown() {
        answer(404, """
                {"error_code":404,"message":"No status found for connector orders-sink"}""");

        Health health = indicator().health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "Connector is not registered");
    }

    @Test
    void unreachableConnectIsDown() {
        connect.stop(0);

        assertThat(indicator().health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    private void answer(int statusCode, String body) {
        this.statusCode = statusCode;
        this.body = body;
    }

    private SinkConnectorHealthIndicator indicator() {
        return new SinkConnectorHealthIndicator(
                RestClient.builder(),
                new SinkConnectorProperties(
                        "http://127.0.0.1:" + connect.getAddress().getPort(), "orders-sink", Duration.ofSeconds(10)));
    }
}
