package io.github.ordersync.catalogservice.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 409 problem detail: the change does not fit the product as it is now. */
class ProductConflict extends ErrorResponseException {

    private ProductConflict(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    static ProductConflict exists(String productId) {
        return new ProductConflict("Product exists", "Product " + productId + " exists already; edit it with PUT.");
    }

    static ProductConflict tooMuchStock(String productId) {
        return new ProductConflict(
                "Too much stock", "Product " + productId + " cannot hold more than " + Products.MAX_STOCK + " items.");
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
