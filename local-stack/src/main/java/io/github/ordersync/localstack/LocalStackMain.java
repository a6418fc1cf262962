package io.github.ordersync.localstack;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./run-local.sh --stack-only [--fresh]}: the infrastructure alone, until Ctrl-C. */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        if (List.of(args).contains("--fresh")) {
            Foreground.deleteData(settings);
        }
        LocalStack stack = Foreground.startOrExit("The local stack", () -> LocalStack.start(settings, System.getenv()));
        Foreground.runUntilStopped(
                stack,
                () -> log.info(
                        "Local stack running (data in {}). Ctrl-C stops it.",
                        settings.dataDir().toAbsolutePath()));
    }
}
