package io.github.ordersync.orderservice.order;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An order refused before it is published, on what order-service's read model of the catalog says: nothing reaches
 * Kafka. catalog-service still decides every order it does publish (the read model may lag a change by a moment).
 */
class OrderRefused extends ErrorResponseException {

    private OrderRefused(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    /** 422: the catalog has no such product. */
    static OrderRefused unknownProduct(String productId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "The catalog has no product " + productId + ".");
        problem.setTitle("Unknown product");
        problem.setType(URI.create("https://github.com/ordersync/problems/unknown-product"));
        problem.setProperty("productId", productId);
        return new OrderRefused(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    /** 409: the order names a price the product does not have now; the answer names the current one. */
    static OrderRefused priceChanged(String productId, long orderedPrice, long currentPrice) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Product " + productId + " costs " + currentPrice + " now, not " + orderedPrice
                        + ". Place the order again at " + currentPrice + ".");
        problem.setTitle("Price changed");
        problem.setType(URI.create("https://github.com/ordersync/problems/price-changed"));
        problem.setProperty("productId", productId);
        problem.setProperty("unitPrice", orderedPrice);
        problem.setProperty("currentUnitPrice", currentPrice);
        return new OrderRefused(HttpStatus.CONFLICT, problem);
    }

    /** 503: this instance has not read the catalog's changes up to its start yet. */
    static OrderRefused catalogLoading() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "This instance is still reading the catalog. Try again in a moment; nothing was placed.");
        problem.setTitle("Catalog loading");
        OrderRefused refused = new OrderRefused(HttpStatus.SERVICE_UNAVAILABLE, problem);
        refused.getHeaders().set("Retry-After", "1");
        return refused;
    }
}
