package io.github.ordersync.systemtests;

import io.github.ordersync.localstack.LocalStack;
import io.github.ordersync.localstack.Ports;
import io.github.ordersync.localstack.StackSettings;
import io.github.ordersync.localstack.StackWithServices;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole pipeline for one test class: a fresh data directory under target/, every port a free one. Either started
 * by hand ({@link #start}) or registered as an extension, which starts it before the class's tests and stops it
 * after: {@code @RegisterExtension static final TestPipelines pipeline = new TestPipelines("name", 2);}.
 */
final class TestPipelines implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final int orderServices;
    private final Map<String, String> environment;
    private StackWithServices running;
    private Databases db;
    private KafkaProbe kafka;

    TestPipelines(String name, int orderServices) {
        this(name, orderServices, Map.of());
    }

    /** With settings for the stack in its environment: {@code RECORD_FORMAT=avro} runs the registry mode. */
    TestPipelines(String name, int orderServices, Map<String, String> environment) {
        this.name = name;
        this.orderServices = orderServices;
        this.environment = environment;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = start(name, orderServices, environment);
        db = new Databases(running);
        kafka = new KafkaProbe(running.stack().bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
        }
    }

    StackWithServices running() {
        return running;
    }

    /** The stack's databases, as the tests read and seed them. */
    Databases db() {
        return db;
    }

    KafkaProbe kafka() {
        return kafka;
    }

    /** The base URL of the i-th order-service instance. */
    String orderService(int i) {
        return running.orderServices().get(i).url();
    }

    String catalogService() {
        return running.catalogService().url();
    }

    static StackWithServices start(String name, int orderServices) {
        return start(name, orderServices, Map.of());
    }

    /** As {@link #start(String, int)}, with settings for the stack in its environment (see {@link LocalStack}). */
    static StackWithServices start(String name, int orderServices, Map<String, String> environment) {
        Path dataDir = Path.of("target", name).toAbsolutePath();
        LocalStack.deleteData(dataDir);
        return StackWithServices.start(
                StackSettings.withFreePorts(dataDir).withRecordFormat(StackSettings.recordFormat(environment)),
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
