package io.github.ordersync.orderservice;

import io.github.ordersync.localstack.DatabaseAccount;
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
 * Kafka and the shared orders database for the integration tests and {@link TestOrderServiceApplication}: containers
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
    MariaDBContainer ordersDatabase() {
        return Containers.ordersDatabase(DatabaseAccount.orderService(System.getenv()));
    }

    @Bean
    @Conditional(TestInfra.OnLocalStack.class)
    DynamicPropertyRegistrar localStack() {
        return registry -> SharedLocalStack.shared()
                .orderServiceEnvironment()
                .forEach((name, value) -> registry.add(name, () -> value));
    }
}
