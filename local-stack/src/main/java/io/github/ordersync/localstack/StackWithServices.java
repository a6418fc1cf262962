package io.github.ordersync.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole system on one machine: the local stack, one catalog-service and any number of order-service
 * instances, each service in its own JVM. Used by the demo and the system tests.
 */
public final class StackWithServices implements AutoCloseable {

    private final LocalStack stack;
    private final Services services;
    private final List<ServiceProcess> orderServices;
    private final List<ServiceProcess> otherCatalogServices = new ArrayList<>();
    private ServiceProcess catalogService;

    private StackWithServices(
            LocalStack stack, Services services, ServiceProcess catalogService, List<ServiceProcess> orderServices) {
        this.stack = stack;
        this.services = services;
        this.catalogService = catalogService;
        this.orderServices = orderServices;
    }

    /**
     * Starts the stack, then the services in parallel.
     *
     * @param services where the executable jars are and which ports the services take
     */
    public static StackWithServices start(StackSettings settings, Map<String, String> environment, Services services) {
        LocalStack stack = LocalStack.start(settings, environment);
        Path logs = logDir(stack);
        ExecutorService starter =
                Executors.newFixedThreadPool(1 + services.orderServicePorts().size());
        CompletableFuture<ServiceProcess> catalog = CompletableFuture.supplyAsync(
                () -> startCatalogService(stack, services, services.catalogServicePort()), starter);
        List<CompletableFuture<ServiceProcess>> orders = services.orderServicePorts().stream()
                .map(port -> CompletableFuture.supplyAsync(
                        () -> recorded(
                                stack,
                                ServiceProcess.start(
                                        "order-service",
                                        services.orderServiceJar(),
                                        port,
                                        orderServiceEnvironment(stack, services),
                                        logs,
                                        services.jvmOptions())),
                        starter))
                .toList();
        starter.shutdown();

        List<CompletableFuture<ServiceProcess>> all = new ArrayList<>(orders);
        all.add(catalog);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null)
                .join();
        if (all.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
            RuntimeException failure = new IllegalStateException("A service did not start");
            for (CompletableFuture<ServiceProcess> service : all) {
                try {
                    service.join().close();
                } catch (CompletionException e) {
                    failure.addSuppressed(e.getCause());
                }
            }
            stack.close();
            throw failure;
        }
        StackWithServices started = new StackWithServices(
                stack,
                services,
                catalog.join(),
                orders.stream().map(CompletableFuture::join).toList());
        try {
            started.awaitCatalogSeen();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /**
     * Waits until every order-service instance knows every product of the catalog (through the catalog-source
     * connector), for instance after products were added.
     */
    public void awaitCatalogSeen() {
        CatalogSeen.await(
                catalogService.url(),
                orderServices.stream().map(ServiceProcess::url).toList(),
                Duration.ofSeconds(60));
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess catalogService() {
        return catalogService;
    }

    public List<ServiceProcess> orderServices() {
        return orderServices;
    }

    /** {@code kill -9} of catalog-service, as in a crash: no graceful shutdown, no offset commit. For fault tests. */
    public void killCatalogService() {
        catalogService.kill();
    }

    /** Stops catalog-service gracefully (SIGTERM): it finishes its records and commits its offsets. */
    public void stopCatalogService() {
        catalogService.close();
    }

    /** Starts catalog-service again on its port, after {@link #killCatalogService} or {@link #stopCatalogService}. */
    public void startCatalogService() {
        catalogService = startCatalogService(stack, services, services.catalogServicePort());
    }

    /**
     * Starts one more catalog-service instance, on a free port, in the same consumer group: the instances share the
     * orders topic's partitions, and each start or end of one moves them (a rebalance). For fault tests.
     */
    public ServiceProcess startAnotherCatalogService() {
        ServiceProcess another = startCatalogService(stack, services, Ports.free());
        otherCatalogServices.add(another);
        return another;
    }

    /** Stops (SIGTERM) the instances of {@link #startAnotherCatalogService} that still run. */
    public void stopOtherCatalogServices() {
        otherCatalogServices.forEach(ServiceProcess::close);
        otherCatalogServices.clear();
    }

    /**
     * Starts one more order-service instance on a free port; like every instance, it answers ready only once its read
     * model of the catalog has caught up. The caller stops it.
     */
    public ServiceProcess startAnotherOrderService() {
        return recorded(
                stack,
                ServiceProcess.start(
                        "order-service",
                        services.orderServiceJar(),
                        Ports.free(),
                        orderServiceEnvironment(stack, services),
                        logDir(stack),
                        services.jvmOptions()));
    }

    private static ServiceProcess startCatalogService(LocalStack stack, Services services, int port) {
        return recorded(
                stack,
                ServiceProcess.start(
                        "catalog-service",
                        services.catalogServiceJar(),
                        port,
                        catalogServiceEnvironment(stack, port),
                        logDir(stack),
                        services.jvmOptions()));
    }

    private static ServiceProcess recorded(LocalStack stack, ServiceProcess service) {
        stack.recordStarted(service.process());
        return service;
    }

    /** The stack's addresses, and the instance's Kafka Streams state under the stack's data directory. */
    private static Map<String, String> catalogServiceEnvironment(LocalStack stack, int port) {
        Map<String, String> environment = new HashMap<>(stack.catalogServiceEnvironment());
        environment.put(
                "CATALOG_SALES_STATE_DIR",
                stack.settings()
                        .dataDir()
                        .resolve("streams/catalog-service-" + port)
                        .toAbsolutePath()
                        .toString());
        return environment;
    }

    /** The stack's addresses, plus catalog-service's for the live page. */
    private static Map<String, String> orderServiceEnvironment(LocalStack stack, Services services) {
        Map<String, String> environment = new HashMap<>(stack.orderServiceEnvironment());
        environment.put("CATALOG_SERVICE_URL", "http://127.0.0.1:" + services.catalogServicePort());
        return environment;
    }

    private static Path logDir(LocalStack stack) {
        return stack.settings().dataDir().resolve("logs");
    }

    /** Services first (they drain and commit), then the stack. */
    @Override
    public void close() {
        orderServices.forEach(ServiceProcess::close);
        stopOtherCatalogServices();
        catalogService.close();
        stack.close();
    }

    /**
     * The services to run.
     *
     * @param orderServiceJar order-service's executable jar
     * @param orderServicePorts one order-service instance per port
     * @param catalogServiceJar catalog-service's executable jar
     * @param catalogServicePort catalog-service's port
     * @param jvmOptions extra options for every service JVM (see {@link ServiceProcess#start})
     */
    public record Services(
            Path orderServiceJar,
            List<Integer> orderServicePorts,
            Path catalogServiceJar,
            int catalogServicePort,
            List<String> jvmOptions) {

        public Services(
                Path orderServiceJar, List<Integer> orderServicePorts, Path catalogServiceJar, int catalogServicePort) {
            this(orderServiceJar, orderServicePorts, catalogServiceJar, catalogServicePort, List.of());
        }
    }
}
