package io.github.ordersync.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes a stack started, listed in its data directory ({@code started-processes}): after a {@code kill -9}
 * of the launcher, MariaDB's server (and any JVM still shutting down) keeps the ports, so the next start on the same
 * data directory stops them first. A listed pid is signalled only while it still runs the same command line,
 * started at the same instant: a pid the system gave to an unrelated process since is never touched.
 */
final class StartedProcesses {

    static final String FILE_NAME = "started-processes";

    private static final Logger log = LoggerFactory.getLogger(StartedProcesses.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path file;

    private StartedProcesses(Path file) {
        this.file = file;
    }

    /**
     * Stops what an earlier run on this data directory left running, then lists this JVM as the one that owns it.
     * Fails if that earlier run's launcher is still alive: two stacks cannot share a data directory.
     */
    static StartedProcesses takeOver(Path dataDir) {
        stopLeftovers(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        write(file, List.of(Started.of(ProcessHandle.current())));
        return new StartedProcesses(file);
    }

    /**
     * Stops what an earlier run on this data directory left running after its launcher was killed. Fails if that
     * launcher is still alive (in another JVM): its processes are not left over.
     */
    static void stopLeftovers(Path dataDir) {
        List<Started> listed = read(dataDir.resolve(FILE_NAME));
        if (listed.isEmpty()) {
            return;
        }
        Started owner = listed.get(0);
        if (owner.stillRunning().isPresent()
                && owner.pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("A stack already runs on " + dataDir.toAbsolutePath() + " (pid "
                    + owner.pid() + "): stop it first, or choose another LOCAL_STACK_DATA");
        }
        List<ProcessHandle> leftovers = listed.stream()
                .skip(1)
                .map(Started::stillRunning)
                .flatMap(Optional::stream)
                .toList();
        if (!leftovers.isEmpty()) {
            List<String> described =
                    leftovers.stream().map(StartedProcesses::describe).toList();
            stop(leftovers);
            log.info("Stopped {} processes an earlier run left running: {}", leftovers.size(), described);
        }
    }

    /** Lists a process this stack started. */
    synchronized void add(ProcessHandle process) {
        try {
            Files.writeString(file, Started.of(process).line() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to all, then {@code kill -9} to those still alive after the grace period. */
    private static void stop(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(GRACE);
        for (ProcessHandle process : processes) {
            if (!exited(process, Duration.between(Instant.now(), deadline))) {
                log.warn("{} did not stop within {}: killing it", describe(process), GRACE);
                process.destroyForcibly();
                if (!exited(process, Duration.ofSeconds(10))) {
                    throw new IllegalStateException(describe(process) + " is still alive after kill -9");
                }
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(Math.max(within.toMillis(), 1), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(ProcessHandle process) {
        String command = process.info()
                .command()
                .map(path -> Path.of(path).getFileName().toString())
                .orElse("?");
        return "pid " + process.pid() + " (" + command + ")";
    }

    private static List<Started> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Started> listed = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    listed.add(Started.parse(line));
                }
            }
            return listed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<Started> processes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, processes.stream().map(Started::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One listed process: what identifies it beyond its pid, which the system reuses. */
    record Started(long pid, String startedAt, String commandLine) {

        static Started of(ProcessHandle process) {
            ProcessHandle.Info info = process.info();
            return new Started(
                    process.pid(),
                    info.startInstant().map(Instant::toString).orElse(""),
                    info.commandLine().orElse(""));
        }

        static Started parse(String line) {
            String[] fields = line.split("\t", 3);
            if (fields.length != 3) {
                throw new IllegalStateException("Not a line of " + FILE_NAME + ": " + line);
            }
            return new Started(Long.parseLong(fields[0]), fields[1], fields[2]);
        }

        String line() {
            return pid + "\t" + startedAt + "\t" + commandLine.replace('\n', ' ');
        }

        /** The process, if this pid still runs the same command line, started at the same instant. */
        Optional<ProcessHandle> stillRunning() {
            if (commandLine.isEmpty() || startedAt.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> of(process).equals(this));
        }
    }
}
