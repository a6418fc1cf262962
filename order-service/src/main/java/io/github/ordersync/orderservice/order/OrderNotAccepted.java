package io.github.ordersync.orderservice.order;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge the order in time: it was not placed, and the client may try again. */
class OrderNotAccepted extends ErrorResponseException {

    OrderNotAccepted() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The order could not be handed to the message broker and was not placed. Try again shortly.");
        problem.setTitle("Order not accepted");
        problem.setType(URI.create("https://github.com/ordersync/problems/order-not-accepted"));
        return problem;
    }
}
