package io.github.ordersync.catalogservice.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which web pages may read the catalog from a browser.
 *
 * @param allowedOriginPatterns origins allowed to {@code GET /catalog-service/**}, e.g. order-service's live page;
 *     {@code [*]} stands for any port
 */
@ConfigurationProperties("catalog.cors")
record CorsProperties(List<String> allowedOriginPatterns) {}
