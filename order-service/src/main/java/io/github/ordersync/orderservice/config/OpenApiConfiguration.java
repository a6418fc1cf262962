package io.github.ordersync.orderservice.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document behind {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI orderServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("order-service")
                        .version("v1")
                        .description("Takes orders and publishes each to Kafka; reads orders, with their status,"
                                + " from the table the JDBC sink connector writes. Errors are RFC 9457 problem"
                                + " details (application/problem+json)."));
    }
}
