package io.github.ordersync.catalogservice.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course's paths: {@code /catalog-service/catalogs} and {@code /catalog-service/catalogs/{productId}}. */
@RestController
@RequestMapping("/catalog-service/catalogs")
@Tag(name = "Catalog", description = "Products and their current stock")
class CatalogController {

    private static final String NOT_FOUND_EXAMPLE = """
            {"title":"Product not found","status":404,"detail":"No product CATALOG-999.",\
            "instance":"/catalog-service/catalogs/CATALOG-999"}""";

    private final ProductRepository products;

    CatalogController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping
    @Operation(summary = "All products with their stock, by product id")
    List<ProductView> catalog() {
        return products.findAll(ProductRepository.BY_ID).stream()
                .map(Product::view)
                .toList();
    }

    @GetMapping("/{productId}")
    @Operation(summary = "One product with its stock")
    @ApiResponse(
            responseCode = "404",
            description = "No such product",
            content = @Content(examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
    ProductView product(@Parameter(example = "CATALOG-001") @PathVariable String productId) {
        return products.findById(productId).map(Product::view).orElseThrow(() -> new ProductNotFound(productId));
    }
}
