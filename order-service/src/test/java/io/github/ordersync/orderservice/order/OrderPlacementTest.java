package io.github.ordersync.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderPlacementTest {

    private static final PlaceOrderRequest TWO_BOOKS = new PlaceOrderRequest("CATALOG-001", 2, 1500L);

    @Test
    void retryWithTheSameIdempotencyKeyIsTheSameOrder() {
        assertThat(OrderPlacement.orderId("alice", "checkout-42", TWO_BOOKS))
                .isEqualTo(OrderPlacement.orderId("alice", "checkout-42", TWO_BOOKS));
    }

    @Test
    void sameKeyWithAnotherOrderOrAnotherUserIsAnotherOrder() {
        assertThat(OrderPlacement.orderId("alice", "checkout-42", new PlaceOrderRequest("CATALOG-001", 3, 1500L)))
                .isNotEqualTo(OrderPlacement.orderId("alice", "checkout-42", TWO_BOOKS));
        assertThat(OrderPlacement.orderId("bob", "checkout-42", TWO_BOOKS))
                .isNotEqualTo(OrderPlacement.orderId("alice", "checkout-42", TWO_BOOKS));
    }

    @Test
    void withoutAKeyEveryOrderIsNew() {
        assertThat(OrderPlacement.orderId("alice", null, TWO_BOOKS))
                .isNotEqualTo(OrderPlacement.orderId("alice", null, TWO_BOOKS));
    }
}
