package io.github.ordersync.catalogservice.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The course's paths, {@code /catalog-service/catalogs} and {@code /catalog-service/catalogs/{productId}}, to read the
 * catalog and to change it. Each change reaches order-service's read model through the catalog-source connector.
 */
@RestController
@RequestMapping("/catalog-service/catalogs")
@Tag(name = "Catalog", description = "Products, their prices and their current stock")
class CatalogController {

    private static final String NOT_FOUND_EXAMPLE = """
            {"title":"Product not found","status":404,"detail":"No product CATALOG-999.",\
            "instance":"/catalog-service/catalogs/CATALOG-999"}""";

    private static final String CONFLICT_EXAMPLE = """
            {"title":"Product exists","status":409,"detail":"Product CATALOG-001 exists already; edit it with PUT.",\
            "instance":"/catalog-service/catalogs"}""";

    private final ProductRepository products;
    private final CatalogEdits edits;

    CatalogController(ProductRepository products, CatalogEdits edits) {
        this.products = products;
        this.edits = edits;
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

    @PostMapping
    @Operation(summary = "Add a product with its first stock")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "409",
            description = "A product with this id exists",
            content = @Content(examples = @ExampleObject(name = "exists", value = CONFLICT_EXAMPLE)))
    ResponseEntity<ProductView> add(@Valid @RequestBody NewProduct product) {
        ProductView added = edits.add(product);
        return ResponseEntity.created(URI.create("/catalog-service/catalogs/" + added.productId()))
                .body(added);
    }

    @PutMapping("/{productId}")
    @Operation(summary = "Change a product's name and price; orders at the old price are rejected from now on")
    @ApiResponse(responseCode = "404", description = "No such product")
    ProductView edit(
            @Parameter(example = "CATALOG-001") @PathVariable String productId,
            @Valid @RequestBody ProductChange change) {
        return edits.edit(productId, change);
    }

    @PostMapping("/{productId}/restock")
    @Operation(summary = "Add items to a product's stock")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "More than the most a product can hold")
    ProductView restock(
            @Parameter(example = "CATALOG-001") @PathVariable String productId, @Valid @RequestBody Restock restock) {
        return edits.restock(productId, restock.qty());
    }

    @DeleteMapping("/{productId}")
    @Operation(summary = "Remove a product; orders for it still on their way are rejected")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such product")
    ResponseEntity<Void> remove(@Parameter(example = "CATALOG-001") @PathVariable String productId) {
        edits.remove(productId);
        return ResponseEntity.noContent().build();
    }
}
