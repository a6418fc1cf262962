package io.github.ordersync.orderservice.product;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A product as the catalog last published it: what orders are checked against before they are placed. */
@Schema(name = "CatalogProduct")
public record CatalogProduct(
        @Schema(example = "CATALOG-001") String productId,
        @Schema(example = "Berlin") String productName,

        @Schema(example = "1500", description = "Price of one item, in the shop's smallest currency unit")
        long unitPrice,

        @Schema(
                example = "97",
                description = "Stock at the last change; catalog-service's own figure is the current one")
        int stock,

        @Schema(description = "When the catalog published this change")
        Instant changedAt) {}
