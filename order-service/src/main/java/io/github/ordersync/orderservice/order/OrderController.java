package io.github.ordersync.orderservice.order;

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
class OrderController {

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
    ResponseEntity<OrderView> place(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        OrderPlaced order = placement.place(userId, idempotencyKey, request);
        URI location = URI.create("/order-service/orders/" + order.orderId());
        return ResponseEntity.created(location).body(OrderView.of(order));
    }

    @GetMapping("/{userId}/orders")
    List<OrderView> ordersOf(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId) {
        return orders.findByUser(userId);
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable UUID orderId) {
        return orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }
}
