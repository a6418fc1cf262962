package io.github.ordersync.orderservice.order;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The order's event could not be written in the topic's format, so nothing was sent: in registry mode, the schema
 * registry refused this service's schema (its compatibility rule), or could not be asked. Unlike {@link
 * OrderNotAccepted} the order certainly does not exist; a retry helps only once the registry or the deployment is
 * fixed.
 */
class OrderNotWritable extends ErrorResponseException {

    OrderNotWritable(UUID orderId, String reason) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, problem(orderId, reason), null);
    }

    private static ProblemDetail problem(UUID orderId, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Order " + orderId + " was not placed: its event could not be written. " + reason
                        + " Nothing was sent to the broker.");
        problem.setTitle("Order event not writable");
        problem.setType(URI.create("https://github.com/ordersync/problems/order-not-writable"));
        problem.setProperty("orderId", orderId);
        problem.setProperty("mayStillBePlaced", false);
        return problem;
    }
}
