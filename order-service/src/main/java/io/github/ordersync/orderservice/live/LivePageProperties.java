package io.github.ordersync.orderservice.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the live page ({@code /index.html}) needs to know besides this service.
 *
 * @param catalogUrl catalog-service as the browser reaches it; catalog-service allows this page's origin (CORS)
 */
@ConfigurationProperties("orders.live")
record LivePageProperties(String catalogUrl) {}
