package io.github.ordersync.benchmarks;

import java.util.concurrent.locks.LockSupport;

/** The polling intervals of everything that waits: for rows to appear, for a quiet machine. */
final class Pauses {

    private Pauses() {}

    static void brief() {
        LockSupport.parkNanos(10_000_000);
    }

    static void second() {
        LockSupport.parkNanos(1_000_000_000);
    }
}
