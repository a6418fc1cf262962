package io.github.ordersync.localstack;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The wait between two polls of something that is starting. */
final class Pause {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Pause() {}

    static void briefly() {
        LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting");
        }
    }
}
