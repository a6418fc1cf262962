package io.github.ordersync.catalogservice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /catalog-service/catalogs/{productId}/restock}: items that arrived. */
@Schema(name = "Restock")
record Restock(
        @Schema(example = "25") @NotNull @Min(1) @Max(1_000_000)
        Integer qty) {}
