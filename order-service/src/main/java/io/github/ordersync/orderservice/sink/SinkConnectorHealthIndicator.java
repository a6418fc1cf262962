package io.github.ordersync.orderservice.sink;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * {@code /actuator/health} component {@code sinkConnector}: the state of the JDBC sink connector and its tasks, from
 * Kafka Connect's REST API. Orders reach the shared table only while it runs: a FAILED connector or task is DOWN
 * with the first line of its trace as the reason; a paused or still starting one is OUT_OF_SERVICE.
 */
@Component
class SinkConnectorHealthIndicator extends AbstractHealthIndicator {

    private final RestClient connect;
    private final String connector;

    SinkConnectorHealthIndicator(RestClient.Builder restClient, SinkConnectorProperties properties) {
        super("Kafka Connect health check failed");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout());
        this.connect = restClient
                .baseUrl(properties.connectUrl())
                .requestFactory(requests)
                .build();
        this.connector = properties.connector();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        ConnectorStatus status;
        try {
            status = connect.get()
                    .uri("/connectors/{name}/status", connector)
                    .retrieve()
                    .body(ConnectorStatus.class);
        } catch (HttpClientErrorException.NotFound e) {
            health.down().withDetail("connector", connector).withDetail("reason", "Connector is not registered");
            return;
        }
        health.status(statusOf(status)).withDetail("connector", connector);
        health.withDetail("state", status.connector().state());
        List<Map<String, Object>> tasks = status.tasks().stream()
                .map(SinkConnectorHealthIndicator::describe)
                .toList();
        health.withDetail("tasks", tasks);
        String reason = reason(status);
        if (reason != null) {
            health.withDetail("reason", reason);
        }
    }

    static Status statusOf(ConnectorStatus status) {
        if (ConnectorStatus.FAILED.equals(status.connector().state())
                || status.tasks().stream().anyMatch(task -> ConnectorStatus.FAILED.equals(task.state()))) {
            return Status.DOWN;
        }
        if (ConnectorStatus.RUNNING.equals(status.connector().state())
                && !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(task -> ConnectorStatus.RUNNING.equals(task.state()))) {
            return Status.UP;
        }
        return Status.OUT_OF_SERVICE;
    }

    /** The first line of the first failure's trace: the exception and its message, without the stack. */
    private static String reason(ConnectorStatus status) {
        if (status.connector().trace() != null) {
            return firstLine(status.connector().trace());
        }
        return status.tasks().stream()
                .filter(task -> task.trace() != null)
                .map(task -> "task " + task.id() + ": " + firstLine(task.trace()))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> describe(ConnectorStatus.Task task) {
        return Map.of("id", task.id(), "state", task.state());
    }

    private static String firstLine(String trace) {
        return trace.lines().findFirst().orElse(trace).strip();
    }
}
