package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderrules.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course's paths: {@code /order-service/{userId}/orders} and {@code /order-service/orders/{orderId}}. */
@RestController
@RequestMapping("/order-service")
@Tag(name = "Orders", description = "Place orders and follow their status")
class OrderController {

    private static final String PLACED_EXAMPLE = """
            {"orderId":"d1d6a030-df6e-4929-9b73-d5dd175a08b3","userId":"user-1","productId":"CATALOG-001","qty":3,\
            "unitPrice":1500,"totalPrice":4500,"status":"PENDING","createdAt":"2026-11-23T18:53:47.956Z"}""";
    private static final String DECIDED_EXAMPLE = """
            {"orderId":"d1d6a030-df6e-4929-9b73-d5dd175a08b3","userId":"user-1","productId":"CATALOG-001","qty":3,\
            "unitPrice":1500,"totalPrice":4500,"status":"CONFIRMED","createdAt":"2026-11-23T18:53:47.956Z",\
            "decidedAt":"2026-11-23T18:53:48.576Z"}""";
    private static final String REJECTED_EXAMPLE = """
            {"orderId":"5b0f2f0e-8c1a-4c52-9d39-0f3b7c2b8e11","userId":"user-1","productId":"CATALOG-001","qty":500,\
            "unitPrice":1500,"totalPrice":750000,"status":"REJECTED","reason":"Insufficient stock for CATALOG-001: 500 requested",\
            "createdAt":"2026-11-23T18:54:02.114Z","decidedAt":"2026-11-23T18:54:02.391Z"}""";
    private static final String INVALID_EXAMPLE = """
            {"title":"Invalid request","status":400,\
            "detail":"qty must be greater than or equal to 1","instance":"/order-service/user-1/orders",\
            "errors":[{"field":"qty","message":"must be greater than or equal to 1"}]}""";
    private static final String NOT_ACCEPTED_EXAMPLE = """
            {"title":"Order not confirmed","status":503,\
            "detail":"The message broker did not confirm order d1d6a030-df6e-4929-9b73-d5dd175a08b3 in time. It may\
             still be placed and appear at /order-service/orders/d1d6a030-df6e-4929-9b73-d5dd175a08b3. Retrying with\
             the same Idempotency-Key is safe: it is the same order, placed at most once.",\
            "instance":"/order-service/user-1/orders","orderId":"d1d6a030-df6e-4929-9b73-d5dd175a08b3",\
            "mayStillBePlaced":true}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"title":"Order not found","status":404,\
            "detail":"No order d1d6a030-df6e-4929-9b73-d5dd175a08b3.",\
            "instance":"/order-service/orders/d1d6a030-df6e-4929-9b73-d5dd175a08b3"}""";

    private final OrderPlacement placement;
    private final OrderTable orders;

    OrderController(OrderPlacement placement, OrderTable orders) {
        this.placement = placement;
        this.orders = orders;
    }

    /**
     * 201 once Kafka acknowledged the order; the order is readable (GET) shortly after. A client that retries
     * after a 503 or a lost response sends the same {@code Idempotency-Key}, so the retry is the same order.
     */
    @PostMapping("/{userId}/orders")
    @Operation(
            summary = "Place an order",
            description = "Answers 201 once Kafka acknowledged the order (status PENDING); catalog-service then"
                    + " CONFIRMS or REJECTS it. Follow the Location for the final status.")
    @ApiResponse(
            responseCode = "201",
            description = "Kafka has the order",
            content = @Content(examples = @ExampleObject(name = "placed", value = PLACED_EXAMPLE)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input; each invalid field is named",
            content = @Content(examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @ApiResponse(
            responseCode = "503",
            description = "Kafka did not acknowledge within ~5 s; the order may still be placed (its id is in the"
                    + " answer). A retry with the same Idempotency-Key is the same order",
            content = @Content(examples = @ExampleObject(name = "notAccepted", value = NOT_ACCEPTED_EXAMPLE)))
    ResponseEntity<OrderView> place(
            @Parameter(example = "user-1")
                    @PathVariable
                    @Pattern(regexp = Ids.USER_ID_PATTERN, message = Ids.USER_ID_MESSAGE)
                    String userId,
            @Parameter(description = "The same key on a retry makes the retry the same order", example = "checkout-42")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Pattern(regexp = Ids.PRODUCT_ID_PATTERN, message = Ids.PRODUCT_ID_MESSAGE)
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        OrderPlaced order = placement.place(Ids.normalized(userId), idempotencyKey, request);
        URI location = URI.create("/order-service/orders/" + order.orderId());
        return ResponseEntity.created(location).body(OrderView.of(order));
    }

    @GetMapping("/{userId}/orders")
    @Operation(summary = "A user's orders, newest first (at most 100), each with its latest status")
    List<OrderView> ordersOf(
            @Parameter(example = "user-1")
                    @PathVariable
                    @Pattern(regexp = Ids.USER_ID_PATTERN, message = Ids.USER_ID_MESSAGE)
                    String userId) {
        return orders.findByUser(Ids.normalized(userId));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "One order with its latest status: PENDING, CONFIRMED, or REJECTED with a reason")
    @ApiResponse(
            responseCode = "200",
            description = "The order",
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "confirmed", value = DECIDED_EXAMPLE),
                                @ExampleObject(name = "rejected", value = REJECTED_EXAMPLE)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "No such order (yet: it appears shortly after the 201)",
            content = @Content(examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
    OrderView order(@PathVariable UUID orderId) {
        return orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }
}
