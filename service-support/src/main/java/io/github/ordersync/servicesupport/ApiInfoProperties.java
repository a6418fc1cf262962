package io.github.ordersync.servicesupport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service says about itself at the top of its OpenAPI document ({@code service.api.*}); the title defaults
 * to {@code spring.application.name}.
 */
@ConfigurationProperties("service.api")
record ApiInfoProperties(String title, @DefaultValue("v1") String version, String description) {}
