package io.github.ordersync.orderservice.order;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not acknowledge the order in time. Almost always it was not placed; when the broker wrote it but its
 * answer was lost, a retry with the same {@code Idempotency-Key} turns into the same order, never a second one.
 */
class OrderNotAccepted extends ErrorResponseException {

    OrderNotAccepted() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker did not confirm the order. Try again shortly with the same Idempotency-Key header:"
                        + " the order is then placed exactly once.");
        problem.setTitle("Order not accepted");
        problem.setType(URI.create("https://github.com/ordersync/problems/order-not-accepted"));
        return problem;
    }
}
