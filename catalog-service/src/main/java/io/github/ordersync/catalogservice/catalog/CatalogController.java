package io.github.ordersync.catalogservice.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course's paths: {@code /catalog-service/catalogs} and {@code /catalog-service/catalogs/{productId}}. */
@RestController
@RequestMapping("/catalog-service/catalogs")
class CatalogController {

    private final Products products;

    CatalogController(Products products) {
        this.products = products;
    }

    @GetMapping
    List<Product> catalog() {
        return products.findAll();
    }

    @GetMapping("/{productId}")
    Product product(@PathVariable String productId) {
        return products.find(productId).orElseThrow(() -> new ProductNotFound(productId));
    }
}
