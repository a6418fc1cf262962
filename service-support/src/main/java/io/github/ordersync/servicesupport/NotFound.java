package io.github.ordersync.servicesupport;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 404 problem detail: {@code new NotFound("Product", id)} answers title "Product not found", detail "No product
 * {id}.". Each service names its own cases by extending it.
 */
public class NotFound extends ErrorResponseException {

    protected NotFound(String what, Object id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No " + what.toLowerCase(Locale.ROOT) + " " + id + ".");
        problem.setTitle(what + " not found");
        return problem;
    }
}
