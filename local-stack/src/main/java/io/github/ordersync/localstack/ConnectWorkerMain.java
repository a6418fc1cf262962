package io.github.ordersync.localstack;

import java.io.IOException;
import org.apache.kafka.connect.cli.ConnectDistributed;

/**
 * Runs Kafka's own {@link ConnectDistributed} in a child JVM of the local stack, and halts when the parent goes away
 * (its end of our standard input closes), so that a killed parent never leaves a worker behind. Halts, not exits:
 * the broker ran in the parent, and a graceful stop would wait for it in vain (~25 s); the worker's state is in
 * Kafka, so this is a crash it recovers from, as after a {@code kill -9}.
 */
public final class ConnectWorkerMain {

    private ConnectWorkerMain() {}

    public static void main(String[] args) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent never writes; EOF means it is gone
                        }
                    } catch (IOException e) {
                        // same as EOF
                    }
                    Runtime.getRuntime().halt(1);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        ConnectDistributed.main(args);
    }
}
