package io.github.ordersync.systemtests;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.Ports;
import io.github.ordersync.localstack.StackSettings;
import io.github.ordersync.localstack.StackWithServices;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

/** The whole pipeline for one test class: a fresh data directory under target/, every port a free one. */
final class TestPipelines {

    private TestPipelines() {}

    static StackWithServices start(String name, int orderServices) {
        return start(name, orderServices, Map.of());
    }

    /** As {@link #start(String, int)}, with settings for the stack in its environment (see {@link LocalStack}). */
    static StackWithServices start(String name, int orderServices, Map<String, String> environment) {
        Path dataDir = Path.of("target", name).toAbsolutePath();
        LocalStack.deleteData(dataDir);
        return StackWithServices.start(
                StackSettings.withFreePorts(dataDir),
                environment,
                new StackWithServices.Services(
                        Path.of(System.getProperty("order-service.jar")),
                        IntStream.range(0, orderServices)
                                .mapToObj(i -> Ports.free())
                                .toList(),
                        Path.of(System.getProperty("catalog-service.jar")),
                        Ports.free()));
    }
}
