package io.github.ordersync.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsTest {

    @Test
    void sharedSettingsApplyWhereTheServiceSetsNothing() {
        StandardEnvironment environment = new StandardEnvironment();

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,metrics,prometheus");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,db");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("order=%X{orderId:-}");
    }

    @Test
    void aServiceSettingOverridesTheSharedOne() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application.yml", Map.of("management.endpoint.health.show-details", "when-authorized")));

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoint.health.show-details"))
                .isEqualTo("when-authorized");
    }
}
