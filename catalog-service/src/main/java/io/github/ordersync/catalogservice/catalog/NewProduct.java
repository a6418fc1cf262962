package io.github.ordersync.catalogservice.catalog;

import io.github.ordersync.orderrules.Ids;
import io.github.ordersync.orderrules.OrderRecordRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /catalog-service/catalogs}: a product to add, with its first stock. */
@Schema(name = "NewProduct")
record NewProduct(
        @Schema(example = "CATALOG-004")
        @NotNull
        @Pattern(regexp = Ids.PRODUCT_ID_PATTERN, message = Ids.PRODUCT_ID_MESSAGE)
        String productId,

        @Schema(example = "Seoul") @NotBlank @Size(max = 100)
        String productName,

        @Schema(example = "1200", description = "Price of one item, in the shop's smallest currency unit")
        @NotNull
        @Min(1)
        @Max(OrderRecordRules.MAX_UNIT_PRICE)
        Long unitPrice,

        @Schema(example = "50") @NotNull @Min(0) @Max(Products.MAX_STOCK)
        Integer stock) {}
