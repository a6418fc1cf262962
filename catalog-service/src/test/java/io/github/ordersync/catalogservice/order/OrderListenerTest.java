package io.github.ordersync.catalogservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.ordersync.catalogservice.catalog.Products;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** The batch listener over an in-memory stand-in for the products and order_decisions tables and the broker. */
class OrderListenerTest {

    private static final String PRODUCT = "CATALOG-001";

    private final Map<String, Integer> stock = new HashMap<>(Map.of(PRODUCT, 5));
    private final Map<UUID, OrderDecisions.Stored> stored = new HashMap<>();
    private final List<String> published = new ArrayList<>();
    private final Products products = mock(Products.class);
    private final OrderDecisions decisions = mock(OrderDecisions.class);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

    private final OrderListener listener = new OrderListener(
            new OrderEnvelopes(RecordsProperties.ENVELOPE),
            new StockReservation(products, decisions),
            kafka,
            new CatalogTopics("orders", "order-outcomes", "orders-dlt", 3),
            new DecisionRetries(new SimpleMeterRegistry()));

    private long offset;

    @BeforeEach
    void fakeTablesAndBroker() {
        when(products.reserve(anyList())).thenAnswer(call -> {
            List<Products.Request> requests = call.getArgument(0);
            if (requests.stream().anyMatch(request -> "BROKEN".equals(request.productId()))) {
                throw new DataIntegrityViolationException("row is broken");
            }
            boolean[] reserved = new boolean[requests.size()];
            for (int i = 0; i < reserved.length; i++) {
                Products.Request request = requests.get(i);
                int left = stock.getOrDefault(request.productId(), 0);
                reserved[i] = left >= request.qty();
                if (reserved[i]) {
                    stock.put(request.productId(), left - request.qty());
                }
            }
            return reserved;
        });
        when(products.prices(anyCollection()))
                .thenAnswer(call -> call.<Collection<String>>getArgument(0).stream()
                        .filter(id -> stock.containsKey(id) || "BROKEN".equals(id))
                        .collect(Collectors.toMap(id -> id, id -> 1500L)));
        when(decisions.find(anyCollection()))
                .thenAnswer(call -> call.<Collection<UUID>>getArgument(0).stream()
                        .filter(stored::containsKey)
                        .distinct()
                        .collect(Collectors.toMap(id -> id, stored::get)));
        doAnswer(call -> {
                    call.<List<OrderDecided>>getArgument(0)
                            .forEach(one -> stored.put(
                                    one.order().orderId(),
                                    new OrderDecisions.Stored(
                                            one.order().productId(),
                                            one.order().qty(),
                                            one.order().unitPrice(),
                                            one.decision())));
                    return null;
                })
                .when(decisions)
                .insert(anyList());
        when(kafka.send(eq("order-outcomes"), anyString(), any(byte[].class))).thenAnswer(call -> {
            published.add(call.getArgument(1));
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void rejectsTheOrderOfABatchThatFindsTooLittleStockLeft() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        listener.on(List.of(order(first, PRODUCT, 3), order(second, PRODUCT, 3), order(third, PRODUCT, 2)));

        assertThat(decision(first).status()).isEqualTo(Decision.Status.CONFIRMED);
        assertThat(decision(second).status()).isEqualTo(Decision.Status.REJECTED);
        assertThat(decision(second).reason()).isEqualTo("Insufficient stock for CATALOG-001: 3 requested");
        assertThat(decision(third).status()).isEqualTo(Decision.Status.CONFIRMED);
        assertThat(stock.get(PRODUCT)).isZero();
        assertThat(published).containsExactly(first.toString(), second.toString(), third.toString());
    }

    @Test
    void orderTwiceInOneBatchTakesStockOnce() {
        UUID orderId = UUID.randomUUID();

        listener.on(List.of(order(orderId, PRODUCT, 2), order(orderId, PRODUCT, 2)));

        assertThat(stock.get(PRODUCT)).isEqualTo(3);
        assertThat(stored).containsOnlyKeys(orderId);
        assertThat(published).containsExactly(orderId.toString(), orderId.toString());
    }

    @Test
    void redeliveredBatchChangesNoStockAndPublishesTheStoredDecisionsAgain() {
        List<ConsumerRecord<String, byte[]>> batch =
                List.of(order(UUID.randomUUID(), PRODUCT, 2), order(UUID.randomUUID(), PRODUCT, 2));
        listener.on(batch);
        Map<UUID, OrderDecisions.Stored> decidedFirst = Map.copyOf(stored);

        listener.on(batch);

        assertThat(stock.get(PRODUCT)).isEqualTo(1);
        assertThat(stored).isEqualTo(decidedFirst);
        assertThat(published).hasSize(4);
    }

    @Test
    void poisonRecordInTheMiddleIsNamedByIndexAfterTheOrdersBeforeItAreDecided() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class,
                () -> listener.on(List.of(
                        order(before, PRODUCT, 1),
                        record("poison", "not an order".getBytes(StandardCharsets.UTF_8)),
                        order(after, PRODUCT, 1))));

        assertThat(failure).isInstanceOf(OrderListener.OrderRefused.class);
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure).hasCauseInstanceOf(RefusedOrder.class);
        assertThat(failure.getMessage()).contains("Not a Kafka Connect JSON envelope");
        assertThat(stored).containsOnlyKeys(before);
        assertThat(published).containsExactly(before.toString());
        assertThat(stock.get(PRODUCT)).isEqualTo(4);
    }

    @Test
    void orderTheDatabaseFailsOnIsNamedByIndexAfterTheOrdersBeforeItAreDecided() {
        UUID before = UUID.randomUUID();

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class,
                () -> listener.on(List.of(
                        order(before, PRODUCT, 1),
                        order(UUID.randomUUID(), "BROKEN", 1),
                        order(UUID.randomUUID(), PRODUCT, 1))));

        assertThat(failure).isInstanceOf(OrderListener.OrderNotDecided.class);
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("record 1 of the batch");
        assertThat(failure).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(stored).containsOnlyKeys(before);
        assertThat(published).containsExactly(before.toString());
        assertThat(stock.get(PRODUCT)).isEqualTo(4);
    }

    @Test
    void unacknowledgedDecisionsAreRetriedFromTheFirstRecordAndStayDecided() {
        when(kafka.send(eq("order-outcomes"), anyString(), any(byte[].class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone")));
        UUID orderId = UUID.randomUUID();

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class, () -> listener.on(List.of(order(orderId, PRODUCT, 1))));

        assertThat(failure.getIndex()).isZero();
        assertThat(failure).hasCauseInstanceOf(OutcomeNotPublished.class);
        assertThat(stored).containsOnlyKeys(orderId);
        assertThat(stock.get(PRODUCT)).isEqualTo(4);
    }

    @Test
    void rejectsAnOrderAtAnotherPriceThanTheCatalogsAndKeepsTheStock() {
        UUID orderId = UUID.randomUUID();

        listener.on(List.of(record(orderId.toString(), PlacedOrders.envelope(orderId, PRODUCT, 5, 1L, "PENDING"))));

        assertThat(decision(orderId).status()).isEqualTo(Decision.Status.REJECTED);
        assertThat(decision(orderId).reason()).isEqualTo("Price of CATALOG-001 is 1500, the order says 1");
        assertThat(stock.get(PRODUCT)).isEqualTo(5);
        assertThat(published).containsExactly(orderId.toString());
    }

    @Test
    void refusesAKnownOrderIdWithOtherContentAndDecidesItNeverAgain() {
        UUID decided = UUID.randomUUID();
        listener.on(List.of(order(decided, PRODUCT, 1)));
        UUID before = UUID.randomUUID();
        published.clear();

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class,
                () -> listener.on(List.of(order(before, PRODUCT, 1), order(decided, PRODUCT, 3))));

        assertThat(failure).isInstanceOf(OrderListener.OrderRefused.class);
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause().getMessage())
                .isEqualTo("Order " + decided + " contradicts its decision: decided for 1 x CATALOG-001 at 1500,"
                        + " this record says 3 x CATALOG-001 at 1500");
        assertThat(stored.get(decided).qty()).isEqualTo(1);
        assertThat(stock.get(PRODUCT)).isEqualTo(3);
        assertThat(published).containsExactly(before.toString());
    }

    @Test
    void refusesTheSecondOfTwoDifferentOrdersUnderOneIdInABatch() {
        UUID orderId = UUID.randomUUID();

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class,
                () -> listener.on(List.of(order(orderId, PRODUCT, 1), order(orderId, PRODUCT, 2))));

        assertThat(failure).isInstanceOf(OrderListener.OrderRefused.class);
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(stored.get(orderId).qty()).isEqualTo(1);
        assertThat(stock.get(PRODUCT)).isEqualTo(4);
    }

    @Test
    void anUnexpectedExceptionIsRetriedNotRefused() {
        when(decisions.find(anyCollection())).thenThrow(new IllegalStateException("surprise"));

        BatchListenerFailedException failure = catchThrowableOfType(
                BatchListenerFailedException.class, () -> listener.on(List.of(order(UUID.randomUUID(), PRODUCT, 1))));

        assertThat(failure).isInstanceOf(OrderListener.OrderNotDecided.class);
        assertThat(failure.getIndex()).isZero();
    }

    private Decision decision(UUID orderId) {
        return stored.get(orderId).decision();
    }

    private ConsumerRecord<String, byte[]> order(UUID orderId, String productId, int qty) {
        return record(orderId.toString(), PlacedOrders.envelope(orderId, productId, qty, "PENDING"));
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("orders", 0, offset++, key, value);
    }
}
