package io.github.ordersync.catalogservice.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document behind {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI catalogServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("catalog-service")
                        .version("v1")
                        .description("Products and their stock. Stock changes only through orders, which this"
                                + " service reads from Kafka. Errors are RFC 9457 problem details"
                                + " (application/problem+json)."));
    }
}
