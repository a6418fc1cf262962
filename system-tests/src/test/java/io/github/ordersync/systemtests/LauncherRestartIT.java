package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.launchers.RunDemo;
import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.Ports;
import io.github.ordersync.localstack.ProjectLayout;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-local.sh} killed with {@code kill -9}, then started again on the same ports and data: what the first run
 * started must not stand in the way. Its JVMs exit by themselves; MariaDB's server, which cannot watch its parent, is
 * stopped by the second start.
 */
class LauncherRestartIT {

    private static final Duration START_WITHIN = Duration.ofSeconds(240);
    private static final Duration JVMS_EXIT_WITHIN = Duration.ofSeconds(60);
    private static final Pattern STOPPED = Pattern.compile("Stopped (\\d+) processes an earlier run left running");

    private final Path dataDir = Path.of("target/launcher-restart-it").toAbsolutePath();
    private final Map<String, String> environment = Map.of(
            "KAFKA_PORT", port(),
            "KAFKA_CONTROLLER_PORT", port(),
            "MARIADB_PORT", port(),
            "CONNECT_PORT", port(),
            "ORDER_SERVICE_PORT", port(),
            "CATALOG_SERVICE_PORT", port(),
            "LOCAL_STACK_DATA", dataDir.toString());

    @Test
    void aLauncherKilledWithSigkillLeavesNothingInTheWayOfTheNextStart() throws Exception {
        LocalStack.deleteData(dataDir);
        Process first = launch("first-run.log");
        List<ProcessHandle> started;
        try {
            awaitReady(first, "first-run.log");
            started = first.descendants().toList();
        } finally {
            first.destroyForcibly();
        }
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();

        List<ProcessHandle> jvms =
                started.stream().filter(LauncherRestartIT::isJava).toList();
        assertThat(jvms).as("Connect worker and both services").hasSize(3);
        await().atMost(JVMS_EXIT_WITHIN).until(() -> jvms.stream().noneMatch(ProcessHandle::isAlive));
        Duration jvmsExited = Duration.between(killed, Instant.now());
        List<ProcessHandle> left =
                started.stream().filter(ProcessHandle::isAlive).toList();
        List<String> leftNames = left.stream().map(LauncherRestartIT::name).toList();

        Process second = launch("second-run.log");
        try {
            awaitReady(second, "second-run.log");
            Duration toSecondStart = Duration.between(killed, Instant.now());
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            int stopped = stoppedByTheSecondRun();
            assertThat(stopped).isEqualTo(left.size());
            System.out.printf(
                    """
                    | Scenario | Processes started | Exited by themselves | Left running | Stopped by the next start \
                    | Next start ready |
                    |---|--:|--:|--:|--:|--:|
                    | `./run-local.sh` `kill -9`, started again on the same ports | %d | %d JVMs within %d s | %d %s \
                    | %d | %d s after the kill |
                    """,
                    started.size(),
                    jvms.size(),
                    jvmsExited.toSeconds(),
                    left.size(),
                    leftNames,
                    stopped,
                    toSecondStart.toSeconds());
        } finally {
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    /** {@code ./run-local.sh}'s command, with this test's ports and data directory. */
    private Process launch(String log) throws IOException, URISyntaxException {
        Path launchers = Path.of(RunDemo.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String classpath = launchers + File.pathSeparator + ProjectLayout.root().resolve("launchers/target/lib")
                + File.separator + "*";
        ProcessBuilder launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-cp",
                        classpath,
                        RunDemo.class.getName(),
                        System.getProperty("order-service.jar"),
                        System.getProperty("catalog-service.jar"))
                .redirectErrorStream(true)
                .redirectOutput(output(log).toFile());
        launcher.environment().putAll(environment);
        return launcher.start();
    }

    private void awaitReady(Process launcher, String log) {
        Path output = output(log);
        await().atMost(START_WITHIN).until(() -> {
            assertThat(launcher.isAlive())
                    .as("the launcher runs; its output:%n%s", read(output))
                    .isTrue();
            return read(output).contains("Ready in ");
        });
    }

    private int stoppedByTheSecondRun() {
        Matcher stopped = STOPPED.matcher(read(output("second-run.log")));
        return stopped.find() ? Integer.parseInt(stopped.group(1)) : 0;
    }

    /** A run's output, next to the data directory (which the test deletes first). */
    private Path output(String log) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-" + log);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isJava(ProcessHandle process) {
        return name(process).equals("java");
    }

    private static String name(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString())
                .orElse("?");
    }

    private static String port() {
        return Integer.toString(Ports.free());
    }
}
