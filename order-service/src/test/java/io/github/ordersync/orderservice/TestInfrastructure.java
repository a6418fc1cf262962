package io.github.ordersync.orderservice;

import io.github.ordersync.testinfra.ServiceInfrastructure;
import org.springframework.boot.test.context.TestConfiguration;

/** Kafka and the shared orders database for the integration tests and {@link TestOrderServiceApplication}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure extends ServiceInfrastructure {

    TestInfrastructure() {
        super(Service.ORDER_SERVICE);
    }
}
