package io.github.ordersync.orderservice.order;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No order with this id in the shared table (yet: it appears there shortly after its 201). */
class OrderNotFound extends ErrorResponseException {

    OrderNotFound(UUID orderId) {
        super(HttpStatus.NOT_FOUND, problem(orderId), null);
    }

    private static ProblemDetail problem(UUID orderId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + orderId + ".");
        problem.setTitle("Order not found");
        return problem;
    }
}
