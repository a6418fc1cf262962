package io.github.ordersync.benchmarks;

import java.util.concurrent.locks.LockSupport;

/** The polling interval of everything that waits for rows to appear. */
final class Pauses {

    private Pauses() {}

    static void brief() {
        LockSupport.parkNanos(10_000_000);
    }
}
