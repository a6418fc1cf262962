package io.github.ordersync.orderservice.order;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(OrderController.class)
class OrderControllerTests {

    private static final UUID ORDER_ID = UUID.fromString("6f1c2b1e-8d4a-4c1e-9a57-2b0b8c1d9e01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderPlacement placement;

    @MockitoBean
    OrderTable orders;

    @Test
    void placedOrderIsCreatedWithItsLocation() throws Exception {
        given(placement.place(eq("user-1"), eq(null), any()))
                .willReturn(new OrderPlaced(
                        ORDER_ID,
                        "user-1",
                        "CATALOG-001",
                        3,
                        1500,
                        4500,
                        OrderStatus.PENDING,
                        Instant.parse("2026-11-23T10:15:30.123Z")));

        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":3,\"unitPrice\":1500}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/order-service/orders/" + ORDER_ID))
                .andExpect(jsonPath("$.orderId").value(ORDER_ID.toString()))
                .andExpect(jsonPath("$.totalPrice").value(4500))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-23T10:15:30.123Z"));
    }

    @Test
    void rejectsZeroQtyWithAProblemDetailNamingTheFieldAndPlacesNothing() throws Exception {
        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":0,\"unitPrice\":1500}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("qty"));
        verifyNoInteractions(placement);
    }

    @Test
    void rejectsAPriceAboveTheBoundSoTotalsCannotOverflow() throws Exception {
        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":1000,\"unitPrice\":9223372036854775807}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitPrice"));
        verifyNoInteractions(placement);
    }

    @Test
    void rejectsAUserIdWithCharactersOutsideTheAllowedSet() throws Exception {
        mvc.perform(order("bad*id", "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        verifyNoInteractions(placement);
    }

    @Test
    void rejectsMissingAndUnknownFields() throws Exception {
        mvc.perform(order("user-1", "{\"qty\":1,\"unitPrice\":1500}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500,\"discount\":99}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(placement);
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        mvc.perform(order("user-1", "productId=CATALOG-001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(placement);
    }

    @Test
    void answers503WithTheOrderIdThatMayStillBePlacedWhenKafkaDoesNotAcknowledge() throws Exception {
        given(placement.place(any(), any(), any())).willThrow(new OrderNotAccepted(ORDER_ID, true));

        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}")
                        .header("Idempotency-Key", "checkout-42"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.orderId").value(ORDER_ID.toString()))
                .andExpect(jsonPath("$.mayStillBePlaced").value(true))
                .andExpect(jsonPath("$.detail").value(containsString("may still be placed")))
                .andExpect(jsonPath("$.detail").value(containsString("same Idempotency-Key is safe")));
    }

    @Test
    void placesAndListsOrdersOfAUserWrittenInHangulAsOneNormalisedName() throws Exception {
        String decomposed = java.text.Normalizer.normalize("김민준", java.text.Normalizer.Form.NFD);
        given(placement.place(eq("김민준"), eq(null), any()))
                .willReturn(new OrderPlaced(
                        ORDER_ID,
                        "김민준",
                        "CATALOG-001",
                        1,
                        1500,
                        1500,
                        OrderStatus.PENDING,
                        Instant.parse("2026-11-23T10:15:30.123Z")));
        given(orders.findByUser("김민준")).willReturn(java.util.List.of());

        mvc.perform(order(decomposed, "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("김민준"));
        mvc.perform(get("/order-service/{userId}/orders", "김민준")).andExpect(status().isOk());
    }

    @Test
    void rejectsUserIdsWithSeparatorsControlsOrBidiOverridesSayingWhatIsAllowed() throws Exception {
        for (String userId : new String[] {"a b", "a\u202Eb", "a\u0007b", "가".repeat(65), "-start"}) {
            mvc.perform(order(userId, "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("userId"))
                    .andExpect(
                            jsonPath("$.errors[0].message").value(containsString("letters or digits of any language")));
        }
        verifyNoInteractions(placement);
    }

    @Test
    void passesTheIdempotencyKeyOnAndRejectsAMalformedOne() throws Exception {
        given(placement.place(eq("user-1"), eq("checkout-42"), any()))
                .willReturn(new OrderPlaced(
                        ORDER_ID,
                        "user-1",
                        "CATALOG-001",
                        1,
                        1500,
                        1500,
                        OrderStatus.PENDING,
                        Instant.parse("2026-11-23T10:15:30.123Z")));

        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}")
                        .header("Idempotency-Key", "checkout-42"))
                .andExpect(status().isCreated());
        mvc.perform(order("user-1", "{\"productId\":\"CATALOG-001\",\"qty\":1,\"unitPrice\":1500}")
                        .header("Idempotency-Key", "no spaces allowed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idempotencyKey"));
    }

    @Test
    void answers503WhenTheOrdersDatabaseIsUnreachable() throws Exception {
        given(orders.find(ORDER_ID)).willThrow(new CannotGetJdbcConnectionException("Connection refused"));

        mvc.perform(get("/order-service/orders/" + ORDER_ID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("refused"))));
    }

    @Test
    void unknownOrderIsNotFound() throws Exception {
        given(orders.find(ORDER_ID)).willReturn(Optional.empty());

        mvc.perform(get("/order-service/orders/" + ORDER_ID))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Order not found"));
    }

    @Test
    void orderIdThatIsNotAUuidIsABadRequest() throws Exception {
        mvc.perform(get("/order-service/orders/../../etc/passwd")).andExpect(status().is4xxClientError());
        mvc.perform(get("/order-service/orders/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static MockHttpServletRequestBuilder order(String userId, String body) {
        return post("/order-service/{userId}/orders", userId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
