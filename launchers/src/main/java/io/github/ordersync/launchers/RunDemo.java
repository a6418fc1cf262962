package io.github.ordersync.launchers;

import io.github.ordersync.localstack.Foreground;
import io.github.ordersync.localstack.StackSettings;
import io.github.ordersync.localstack.StackWithServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./run-local.sh}: the local stack plus catalog-service and order-service, on the standard ports, until
 * Ctrl-C. Arguments: {@code [--fresh]}, the order-service and catalog-service executable jars.
 */
public final class RunDemo {

    private static final Logger log = LoggerFactory.getLogger(RunDemo.class);

    private RunDemo() {}

    public static void main(String[] arguments) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(arguments));
        boolean fresh = args.remove("--fresh");
        if (args.size() != 2) {
            System.err.println("Usage: RunDemo [--fresh] <order-service exec jar> <catalog-service exec jar>");
            System.exit(2);
        }
        Instant started = Instant.now();
        Map<String, String> env = System.getenv();
        StackSettings settings = StackSettings.fromEnvironment(env);
        if (fresh) {
            Foreground.deleteData(settings);
        }
        int orderServicePort = StackSettings.port(env, "ORDER_SERVICE_PORT", 8081);
        int catalogServicePort = StackSettings.port(env, "CATALOG_SERVICE_PORT", 8082);
        StackWithServices pipeline = Foreground.startOrExit(
                "The demo",
                () -> StackWithServices.start(
                        settings,
                        env,
                        new StackWithServices.Services(
                                Path.of(args.get(0)),
                                List.of(orderServicePort),
                                Path.of(args.get(1)),
                                catalogServicePort)));

        Foreground.runUntilStopped(pipeline, () -> announce(pipeline, started));
    }

    private static void announce(StackWithServices pipeline, Instant started) {
        String orderService = pipeline.orderServices().get(0).url();
        String catalogService = pipeline.catalogService().url();
        log.info("");
        log.info(
                "order-service    {}/order-service/{}/orders   (log {})",
                orderService,
                "{userId}",
                pipeline.orderServices().get(0).logFile());
        log.info(
                "catalog-service  {}/catalog-service/catalogs   (log {})",
                catalogService,
                pipeline.catalogService().logFile());
        log.info(
                "Kafka Connect    {}/connectors/orders-sink/status",
                pipeline.stack().connectUrl());
        if (pipeline.stack().settings().withRegistry()) {
            log.info(
                    "Schema registry  {}/apis/registry/v3/groups/default/artifacts   (Avro on the topics)",
                    pipeline.stack().registryUrl());
        }
        log.info("Live page        {}/   (API docs: /swagger-ui.html on both services)", orderService);
        log.info("");
        log.info("Place an order:");
        log.info(
                "  curl -i -X POST {}/order-service/user-1/orders -H 'Content-Type: application/json' \\",
                orderService);
        log.info("       -d '{\"productId\":\"CATALOG-001\",\"qty\":3,\"unitPrice\":1500}'");
        log.info("");
        log.info(
                "Ready in {} s. Ctrl-C stops everything.",
                Duration.between(started, Instant.now()).toSeconds());
    }
}
