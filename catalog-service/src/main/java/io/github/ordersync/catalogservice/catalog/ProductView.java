package io.github.ordersync.catalogservice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** A product as {@code /catalog-service/catalogs} lists it; the OpenAPI document's example is built from its fields. */
@Schema(name = "Product")
record ProductView(
        @Schema(example = "CATALOG-001") String productId,
        @Schema(example = "Berlin") String productName,

        @Schema(example = "1500", description = "Price of one item, in the shop's smallest currency unit")
        long unitPrice,

        @Schema(example = "97", description = "Items in stock now")
        int stock) {}
