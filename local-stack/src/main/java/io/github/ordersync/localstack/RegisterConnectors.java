package io.github.ordersync.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Registers the connectors of a connect-config folder with a running Connect worker and waits until they run: the
 * one-shot registration step of docker compose ({@code docker/connect/register-connectors.sh}).
 */
public final class RegisterConnectors {

    private RegisterConnectors() {}

    /** Arguments: the worker's REST URL and the folder holding the connector JSON files. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: RegisterConnectors <connect-url> <connect-config-dir>");
            System.exit(2);
        }
        List<String> connectors = new ConnectorRegistrar(args[0]).registerAll(Path.of(args[1]));
        System.out.println("Connectors " + connectors + " RUNNING at " + args[0]);
    }
}
