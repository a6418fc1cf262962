package io.github.ordersync.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./run-local.sh --stack-only}: the infrastructure alone, until Ctrl-C. */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack = Foreground.startOrExit("The local stack", () -> LocalStack.start(settings, System.getenv()));
        Foreground.runUntilStopped(
                stack,
                () -> log.info(
                        "Local stack running (data in {}). Ctrl-C stops it.",
                        settings.dataDir().toAbsolutePath()));
    }
}
