package io.github.ordersync.catalogservice.catalog;

import io.github.ordersync.orderrules.OrderRecordRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /catalog-service/catalogs/{productId}}: the product's name and price from now on. Orders
 * placed at the old price are rejected from then on. The price bound is the one orders are held to.
 */
@Schema(name = "ProductChange")
record ProductChange(
        @Schema(example = "Berlin") @NotBlank @Size(max = 100)
        String productName,

        @Schema(example = "1600", description = "Price of one item, in the shop's smallest currency unit")
        @NotNull
        @Min(1)
        @Max(OrderRecordRules.MAX_UNIT_PRICE)
        Long unitPrice) {}
