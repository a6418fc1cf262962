package io.github.ordersync.catalogservice.catalog;

/** A product as {@code /catalog-service/catalogs} lists it. */
record Product(String productId, String productName, long unitPrice, int stock) {}
