package io.github.ordersync.localstack;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link KafkaBroker} in a child JVM of the local stack (see {@link KafkaBroker#startInOwnJvm}), and shuts it
 * down when the parent goes away (its end of our standard input closes) or sends SIGTERM, so that a killed parent
 * never leaves a broker behind.
 */
public final class KafkaBrokerMain {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {}

    /** Arguments: the client port, the controller port, the stack's data directory. */
    public static void main(String[] args) {
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        } catch (RuntimeException e) {
            // the server's threads would keep a half-started JVM alive: exit, the parent sees it at once
            log.error("The Kafka broker did not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        try {
            while (System.in.read() != -1) {
                // the parent never writes; EOF means it is gone
            }
        } catch (IOException parentGone) {
            // same as EOF
        }
        System.exit(0);
    }
}
