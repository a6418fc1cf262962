package io.github.ordersync.orderservice.order;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not acknowledge the order in time. That does not mean the order does not exist: a broker that stalled
 * after receiving it may still append it. The answer says so and names the order id it tried; a retry with the
 * same {@code Idempotency-Key} is that same order, never a second one.
 */
class OrderNotAccepted extends ErrorResponseException {

    OrderNotAccepted(UUID orderId, boolean idempotencyKeyGiven) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(orderId, idempotencyKeyGiven), null);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem(UUID orderId, boolean idempotencyKeyGiven) {
        String retry = idempotencyKeyGiven
                ? " Retrying with the same Idempotency-Key is safe: it is the same order, placed at most once."
                : " Without an Idempotency-Key a retry is a new order: check GET /order-service/orders/" + orderId
                        + " first, and send an Idempotency-Key header next time.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker did not confirm order " + orderId + " in time. It may still be placed and appear"
                        + " at /order-service/orders/" + orderId + "." + retry);
        problem.setTitle("Order not confirmed");
        problem.setType(URI.create("https://github.com/ordersync/problems/order-not-accepted"));
        problem.setProperty("orderId", orderId);
        problem.setProperty("mayStillBePlaced", true);
        return problem;
    }
}
