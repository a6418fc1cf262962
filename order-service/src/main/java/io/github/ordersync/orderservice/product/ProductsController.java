package io.github.ordersync.orderservice.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /order-service/products}: the read model orders are checked against, as this instance holds it. */
@RestController
@Tag(name = "Products", description = "The catalog as order-service knows it, from the catalog-source connector")
class ProductsController {

    /** The read model and how current it is. */
    @Schema(name = "CatalogProducts")
    record CatalogProducts(
            @Schema(description = "Whether every change published before this instance started has been applied")
            boolean caughtUp,

            @Schema(description = "When this instance applied the last change; null before the first")
            Instant lastChangeAppliedAt,

            List<CatalogProduct> products) {}

    private final ProductCatalog catalog;

    ProductsController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/order-service/products")
    @Operation(summary = "Products with the name and price new orders are checked against, by product id")
    CatalogProducts products() {
        return new CatalogProducts(catalog.caughtUp(), catalog.lastChangeAppliedAt(), catalog.all());
    }
}
