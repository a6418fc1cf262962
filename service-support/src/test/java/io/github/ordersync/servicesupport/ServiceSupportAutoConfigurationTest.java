package io.github.ordersync.servicesupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

class ServiceSupportAutoConfigurationTest {

    @Test
    void theServicesHandlerIsTheOnlyExceptionHandlerEvenWithBootsProblemDetailsEnabled() {
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(WebMvcAutoConfiguration.class, ProblemDetailsAutoConfiguration.class))
                .withPropertyValues("spring.mvc.problemdetails.enabled=true")
                .run(context -> assertThat(context)
                        .getBean(ResponseEntityExceptionHandler.class)
                        .isInstanceOf(ProblemDetails.class));
    }

    @Test
    void checksTheKafkaBrokerOnlyWhereTheServiceUsesKafka() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaHealthAutoConfiguration.class));

        runner.run(context -> assertThat(context).doesNotHaveBean("kafkaHealthIndicator"));
        runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .getBean("kafkaHealthIndicator")
                        .isInstanceOf(KafkaBrokerHealthIndicator.class));
        runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withPropertyValues("management.health.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("kafkaHealthIndicator"));
    }

    @Test
    void theApiDocumentIsTitledAndDescribedByTheServicesSettings() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
                .withPropertyValues("service.api.title=catalog-service", "service.api.description=Products")
                .run(context -> {
                    OpenAPI api = context.getBean(OpenAPI.class);
                    assertThat(api.getInfo().getTitle()).isEqualTo("catalog-service");
                    assertThat(api.getInfo().getVersion()).isEqualTo("v1");
                    assertThat(api.getInfo().getDescription()).isEqualTo("Products");
                });
    }
}
