package io.github.ordersync.testinfra;

import io.github.ordersync.localstack.DatabaseAccount;
import java.util.Map;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Kafka and a service's database for its integration tests: containers when {@link TestInfra} chose Testcontainers,
 * the shared local stack otherwise. Each service's {@code TestInfrastructure} is a {@code @TestConfiguration} that
 * extends this and names the service.
 */
public abstract class ServiceInfrastructure {

    /** The services whose tests run on it: their database and how the local stack configures them. */
    public enum Service {
        ORDER_SERVICE,
        CATALOG_SERVICE;

        MariaDBContainer database() {
            Map<String, String> environment = System.getenv();
            return switch (this) {
                case ORDER_SERVICE -> Containers.ordersDatabase(DatabaseAccount.orderService(environment));
                case CATALOG_SERVICE -> Containers.catalogDatabase(DatabaseAccount.catalogService(environment));
            };
        }

        Map<String, String> localStackEnvironment() {
            return switch (this) {
                case ORDER_SERVICE -> SharedLocalStack.shared().orderServiceEnvironment();
                case CATALOG_SERVICE -> SharedLocalStack.shared().catalogServiceEnvironment();
            };
        }
    }

    private final Service service;

    protected ServiceInfrastructure(Service service) {
        this.service = service;
    }

    @Bean
    @ServiceConnection
    @Conditional(TestInfra.OnContainers.class)
    KafkaContainer kafka() {
        return Containers.kafka();
    }

    @Bean
    @ServiceConnection
    @Conditional(TestInfra.OnContainers.class)
    MariaDBContainer database() {
        return service.database();
    }

    @Bean
    @Conditional(TestInfra.OnLocalStack.class)
    DynamicPropertyRegistrar localStack() {
        return registry -> service.localStackEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }
}
