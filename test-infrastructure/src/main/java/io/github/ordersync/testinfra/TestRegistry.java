package io.github.ordersync.testinfra;

import org.testcontainers.containers.GenericContainer;

/**
 * The schema registry of the registry mode for the services' Avro tests, on the infrastructure {@link TestInfra}
 * chose: the official {@code apicurio/apicurio-registry} image (in-memory storage: a test's schemas need not
 * outlive it), or Apicurio from Maven Central next to the shared local stack, as {@code ./run-local.sh --registry}
 * runs it. Started on first use, once per test JVM.
 */
public final class TestRegistry {

    private static GenericContainer<?> container;

    private TestRegistry() {}

    /** The registry's v2 API, which the services' {@code *.records.registry-url} names. */
    public static synchronized String url() {
        if (TestInfra.chosen() == TestInfra.LOCAL) {
            return SharedLocalStack.registryApiUrl();
        }
        if (container == null) {
            container = Containers.registry();
            container.start();
        }
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080) + "/apis/registry/v2";
    }
}
