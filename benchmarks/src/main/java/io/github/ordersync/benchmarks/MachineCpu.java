package io.github.ordersync.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole machine's CPU from /proc/stat (Linux): how busy all cores were between two readings, and a wait for a
 * quiet machine, so that a phase does not start while the last one's background work (change data capture, the
 * sink's last rows, compaction) still runs. Elsewhere it reads nothing and never waits.
 */
final class MachineCpu {

    private static final Logger log = LoggerFactory.getLogger(MachineCpu.class);
    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    /** Total and idle jiffies of all cores at one moment. */
    record Reading(long total, long idle) {

        /** The share of all cores busy since {@code earlier}, 0 to 1; NaN without /proc/stat. */
        double busySince(Reading earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? Double.NaN : 1 - (double) (idle - earlier.idle) / total;
        }
    }

    static Reading read() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long[] values = Arrays.stream(fields, 1, fields.length)
                    .mapToLong(Long::parseLong)
                    .toArray();
            long total = Arrays.stream(values, 0, Math.min(8, values.length)).sum();
            // idle and iowait
            return new Reading(total, values[3] + values[4]);
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 0);
        }
    }

    /** Waits until the cores were less than {@code busy} busy over one second, for at most {@code timeout}. */
    static void awaitQuiet(double busy, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Reading last = read();
        while (System.nanoTime() < deadline) {
            Pauses.second();
            Reading now = read();
            double share = now.busySince(last);
            if (Double.isNaN(share) || share < busy) {
                log.info(
                        "Machine quiet ({} % busy) after {} s",
                        Math.round(100 * share), (System.nanoTime() - start) / 1_000_000_000);
                return;
            }
            last = now;
        }
        log.warn("Machine still busy after {}: measuring anyway", timeout);
    }
}
