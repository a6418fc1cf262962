package io.github.ordersync.servicesupport;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error handler of each service: every error is an RFC 9457 problem detail. Spring MVC's own exceptions and
 * the services' {@code ErrorResponseException}s come through the base class; validation problems name each field.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> invalid(error.getField(), error))
                .toList();
        return handleExceptionInternal(ex, invalidRequest(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        // a @Valid request body: name its fields
                        ? body.getFieldErrors().stream().map(error -> invalid(error.getField(), error))
                        // a path variable or request parameter: name the parameter
                        : result.getResolvableErrors().stream()
                                .map(error ->
                                        invalid(result.getMethodParameter().getParameterName(), error)))
                .toList();
        return handleExceptionInternal(ex, invalidRequest(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The service's database is down or overloaded: worth a retry, and no internals in the answer. A transaction
     * that cannot begin (JPA takes a connection to begin one) is the same case.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(NestedRuntimeException ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The database is not reachable right now. Try again shortly.");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /** Anything unexpected: logged here with its cause, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. It has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static ProblemDetail invalidRequest(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> invalid(String field, MessageSourceResolvable error) {
        String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        return Map.of("field", field, "message", message);
    }
}
