package io.github.ordersync.launchers;

import io.github.ordersync.localstack.ConnectorRegistrar;
import io.github.ordersync.localstack.FailedTaskRestarter;
import io.github.ordersync.localstack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker compose's Connect sidekick ({@code docker/connect/supervise-connectors.sh}): registers the connectors of a
 * connect-config folder, waits until they run, then restarts their failed tasks until it is stopped, with the same
 * {@link FailedTaskRestarter} the local stack runs next to its worker.
 */
public final class SuperviseConnectors {

    private static final Logger log = LoggerFactory.getLogger(SuperviseConnectors.class);

    private SuperviseConnectors() {}

    /** Arguments: the worker's REST URL and the folder holding the connector JSON files. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: SuperviseConnectors <connect-url> <connect-config-dir>");
            System.exit(2);
        }
        String connectUrl = args[0];
        List<String> connectors = new ConnectorRegistrar(connectUrl)
                .registerAll(Path.of(args[1]), StackSettings.recordFormat(System.getenv()));
        log.info("Connectors {} RUNNING at {}", connectors, connectUrl);
        try (FailedTaskRestarter restarter = FailedTaskRestarter.watch(connectUrl, connectors)) {
            log.info("Watching {} for FAILED tasks: each is restarted with a back-off of 2 s to 1 min", connectors);
            // The restarter's thread does the work; this one waits until the JVM is stopped (SIGTERM).
            Thread.currentThread().join();
        }
    }
}
