package io.github.ordersync.catalogservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.ordersync.catalogservice.catalog.Products;
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
    private final Map<UUID, Decision> stored = new HashMap<>();
    private final List<String> published = new ArrayList<>();
    private final Products products = mock(Products.class);
    private final OrderDecisions decisions = mock(OrderDecisions.class);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

    private final OrderListener listener = new OrderListener(
            new OrderEnvelopes(),
            new StockReservation(products, decisions),
            kafka,
            new CatalogTopics("orders", "order-outcomes", "orders-dlt", 3));

    private long offset;

    @BeforeEach
    void fakeTablesAndBroker() {
        when(products.reserve(anyString(), anyInt())).thenAnswer(call -> {
            String product = call.getArgument(0);
            int qty = call.getArgument(1);
            if ("BROKEN".equals(product)) {
                throw new DataIntegrityViolationException("row is broken");
            }
            int left = stock.getOrDefault(product, 0);
            if (left < qty) {
                return false;
            }
            stock.put(product, left - qty);
            return true;
        });
        when(products.exists(anyString())).thenAnswer(call -> stock.containsKey(call.<String>getArgument(0)));
        when(decisions.find(anyCollection()))
                .thenAnswer(call -> call.<Collection<UUID>>getArgument(0).stream()
                        .filter(stored::containsKey)
                        .distinct()
                        .collect(Collectors.toMap(id -> id, stored::get)));
        doAnswer(call -> {
                    call.<List<OrderDecided>>getArgument(0)
                            .forEach(one -> stored.put(one.order().orderId(), one.decision()));
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

        assertThat(stored.get(first).status()).isEqualTo(Decision.Status.CONFIRMED);
        assertThat(stored.get(second).status()).isEqualTo(Decision.Status.REJECTED);
        assertThat(stored.get(second).reason()).isEqualTo("Insufficient stock for CATALOG-001: 3 requested");
        assertThat(stored.get(third).status()).isEqualTo(Decision.Status.CONFIRMED);
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
        Map<UUID, Decision> decidedFirst = Map.copyOf(stored);

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

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure).hasCauseInstanceOf(UnreadableOrder.class);
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

        assertThat(failure.getIndex()).isEqualTo(1);
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

    private ConsumerRecord<String, byte[]> order(UUID orderId, String productId, int qty) {
        return record(orderId.toString(), PlacedOrders.envelope(orderId, productId, qty, "PENDING"));
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("orders", 0, offset++, key, value);
    }
}
