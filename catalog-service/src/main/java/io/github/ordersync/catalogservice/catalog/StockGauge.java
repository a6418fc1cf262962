package io.github.ordersync.catalogservice.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The metric {@code catalog.stock{product=...}}: every product's stock, read from the table every few seconds (one
 * query for all products, however often the metrics are scraped).
 */
@Component
class StockGauge {

    private final ProductRepository products;
    private final MultiGauge stock;

    StockGauge(ProductRepository products, MeterRegistry metrics) {
        this.products = products;
        this.stock = MultiGauge.builder("catalog.stock")
                .description("Items in stock per product")
                .baseUnit("items")
                .register(metrics);
    }

    @Scheduled(fixedDelayString = "${catalog.metrics.refresh:5s}")
    void refresh() {
        stock.register(
                products.findAll(ProductRepository.BY_ID).stream()
                        .map(product -> MultiGauge.Row.of(Tags.of("product", product.productId()), product.stock()))
                        .toList(),
                true);
    }
}
