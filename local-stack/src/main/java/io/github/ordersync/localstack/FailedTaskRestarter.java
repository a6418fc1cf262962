package io.github.ordersync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect never restarts a failed task by itself: a sink task that lost its database for longer than its
 * retries stays FAILED until someone asks Connect to restart it. This does the asking, with a back-off that grows
 * with each failure in a row (2 s, 4 s, 8 s ... at most a minute), as Strimzi's connector auto-restart does.
 */
public final class FailedTaskRestarter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FailedTaskRestarter.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(1);

    private final ConnectorRegistrar connect;
    private final List<String> connectors;
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private final Map<String, Instant> nextRestart = new HashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "connect-task-restarter");
        thread.setDaemon(true);
        return thread;
    });

    private FailedTaskRestarter(ConnectorRegistrar connect, List<String> connectors) {
        this.connect = connect;
        this.connectors = connectors;
    }

    public static FailedTaskRestarter watch(String connectUrl, List<String> connectors) {
        FailedTaskRestarter restarter = new FailedTaskRestarter(new ConnectorRegistrar(connectUrl), connectors);
        restarter.checks.scheduleWithFixedDelay(
                restarter::checkAll, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return restarter;
    }

    private void checkAll() {
        for (String name : connectors) {
            try {
                check(name);
            } catch (RuntimeException e) {
                // Connect itself is down or restarting: look again at the next check
                log.debug("Could not check connector {}: {}", name, e.getMessage());
            }
        }
    }

    private void check(String name) {
        JsonNode status = connect.status(name);
        if (status == null) {
            return;
        }
        List<JsonNode> failed = new ArrayList<>();
        status.path("tasks").forEach(failed::add);
        failed.add(status.path("connector"));
        failed.removeIf(part -> !"FAILED".equals(part.path("state").asText()));
        if (failed.isEmpty()) {
            failuresInARow.remove(name);
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(nextRestart.getOrDefault(name, Instant.MIN))) {
            return;
        }
        int failures = failuresInARow.merge(name, 1, Integer::sum);
        log.warn(
                "Kafka Connect  {} FAILED ({}); restarting its failed parts (failure {} in a row)",
                name,
                rootCause(failed.get(0).path("trace").asText()),
                failures);
        connect.restartFailedTasks(name);
        Duration backOff = Duration.ofSeconds(1L << Math.min(failures, 6));
        nextRestart.put(name, now.plus(backOff.compareTo(LONGEST_BACK_OFF) < 0 ? backOff : LONGEST_BACK_OFF));
    }

    /** The last "Caused by:" line of a Java stack trace: what actually went wrong. */
    private static String rootCause(String trace) {
        String cause = trace.lines().findFirst().orElse("no trace");
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
