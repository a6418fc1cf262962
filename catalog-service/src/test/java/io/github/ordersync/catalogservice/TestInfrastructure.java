package io.github.ordersync.catalogservice;

import io.github.ordersync.testinfra.ServiceInfrastructure;
import org.springframework.boot.test.context.TestConfiguration;

/** Kafka and the catalog database for the integration tests and {@link TestCatalogServiceApplication}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure extends ServiceInfrastructure {

    TestInfrastructure() {
        super(Service.CATALOG_SERVICE);
    }
}
