package io.github.ordersync.catalogservice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** A product as {@code /catalog-service/catalogs} lists it. */
@Schema(name = "Product")
record ProductView(String productId, String productName, long unitPrice, int stock) {}
