package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ordersync.localstack.StartedProcesses.Started;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of started processes in a data directory, with stand-ins (sleep) for what a killed run left. */
class StartedProcessesTest {

    /** A launcher that was killed: its pid is not running what it ran. */
    private static final Started KILLED_LAUNCHER =
            new Started(Long.MAX_VALUE, "2026-01-01T00:00:00Z", "java io.github.ordersync.launchers.RunDemo");

    @TempDir
    Path dataDir;

    private final List<Process> sleeping = new ArrayList<>();

    @AfterEach
    void stopSleeping() {
        sleeping.forEach(Process::destroyForcibly);
    }

    @Test
    void aStartStopsWhatAKilledRunLeftRunning() throws Exception {
        Process leftover = sleep();
        list(KILLED_LAUNCHER, Started.of(leftover.toHandle()));

        StartedProcesses.takeOver(dataDir);

        assertThat(leftover.waitFor(1, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllLines(dataDir.resolve(StartedProcesses.FILE_NAME)))
                .containsExactly(Started.of(ProcessHandle.current()).line());
    }

    @Test
    void aListedPidNowRunningAnotherCommandOrStartedLaterIsNeverSignalled() throws Exception {
        Process unrelated = sleep();
        Started now = Started.of(unrelated.toHandle());
        list(
                KILLED_LAUNCHER,
                new Started(now.pid(), now.startedAt(), "/opt/mariadb/bin/mariadbd --port=3306"),
                new Started(now.pid(), "2026-01-01T00:00:00Z", now.commandLine()));

        StartedProcesses.takeOver(dataDir);

        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void refusesADataDirectoryWhoseLauncherStillRuns() throws Exception {
        Process launcher = sleep();
        Process itsServer = sleep();
        list(Started.of(launcher.toHandle()), Started.of(itsServer.toHandle()));

        assertThatThrownBy(() -> StartedProcesses.takeOver(dataDir))
                .hasMessageContaining("A stack already runs on " + dataDir)
                .hasMessageContaining("pid " + launcher.pid());
        assertThat(itsServer.isAlive()).isTrue();
    }

    private Process sleep() throws IOException {
        Process process = new ProcessBuilder("sleep", "600").start();
        sleeping.add(process);
        return process;
    }

    private void list(Started... processes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Started process : processes) {
            lines.add(process.line());
        }
        Files.write(dataDir.resolve(StartedProcesses.FILE_NAME), lines);
    }
}
