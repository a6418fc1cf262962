package io.github.ordersync.catalogservice.catalog;

import io.github.ordersync.servicesupport.NotFound;

class ProductNotFound extends NotFound {

    ProductNotFound(String productId) {
        super("Product", productId);
    }
}
