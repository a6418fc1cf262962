package io.github.ordersync.localstack;

import java.io.IOException;
import org.apache.kafka.connect.cli.ConnectDistributed;

/**
 * Runs Kafka's own {@link ConnectDistributed} in a child JVM of the local stack, and exits when the parent goes
 * away (its end of our standard input closes), so that a killed parent never leaves a worker behind.
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
                    System.exit(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        ConnectDistributed.main(args);
    }
}
