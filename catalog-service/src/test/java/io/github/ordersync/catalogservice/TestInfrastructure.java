package io.github.ordersync.catalogservice;

import io.github.ordersync.testinfra.Containers;
import io.github.ordersync.testinfra.SharedLocalStack;
import io.github.ordersync.testinfra.TestInfra;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Kafka and the catalog database for the integration tests and {@link TestCatalogServiceApplication}: containers
 * when {@link TestInfra} chose Testcontainers, the local stack otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @ServiceConnection
    @Conditional(TestInfra.OnContainers.class)
    KafkaContainer kafka() {
        return Containers.kafka();
    }

    @Bean
    @ServiceConnection
    @Conditional(TestInfra.OnContainers.class)
    MariaDBContainer catalogDatabase() {
        return Containers.database("catalog", "catalog_service", "local-demo-catalog-service");
    }

    @Bean
    @Conditional(TestInfra.OnLocalStack.class)
    DynamicPropertyRegistrar localStack() {
        return registry -> SharedLocalStack.shared()
                .catalogServiceEnvironment()
                .forEach((name, value) -> registry.add(name, () -> value));
    }
}
