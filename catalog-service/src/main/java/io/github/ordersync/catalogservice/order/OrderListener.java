package io.github.ordersync.catalogservice.order;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Decides the placed orders of each poll in one transaction and publishes the decisions. Delivery is at least
 * once: a record seen again (after a crash, a rebalance, or a failed publish) is decided once and its stored
 * decision published again.
 *
 * <p>Every failure names the first record not done, with its index in the batch: the error handler commits the
 * records before it, dead-letters that record if it is refused ({@link OrderRefused}) or retries it with back-off
 * until it is decided ({@link OrderNotDecided}), and polls the rest again. A readable order is never dead-lettered
 * for an outage or an unexpected exception.
 */
@Component
class OrderListener {

    private static final Logger log = LoggerFactory.getLogger(OrderListener.class);

    private final OrderEnvelopes envelopes;
    private final StockReservation reservation;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CatalogTopics topics;
    private final DecisionRetries retries;

    OrderListener(
            OrderEnvelopes envelopes,
            StockReservation reservation,
            KafkaTemplate<String, byte[]> kafka,
            CatalogTopics topics,
            DecisionRetries retries) {
        this.envelopes = envelopes;
        this.reservation = reservation;
        this.kafka = kafka;
        this.topics = topics;
        this.retries = retries;
    }

    @KafkaListener(id = "catalog-orders", idIsGroup = false, topics = "${catalog.topics.orders}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<OrderPlaced> orders = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                orders.add(envelopes.read(record.topic(), record.value()));
            } catch (RuntimeException e) {
                decideAndPublish(orders);
                throw e instanceof RefusedOrder refused
                        ? new OrderRefused(refused, orders.size())
                        : OrderNotDecided.order(record.key(), e, orders.size());
            }
        }
        decideAndPublish(orders);
        retries.succeeded(records);
    }

    /**
     * A record that goes to the dead-letter topic with the reason as its message, at once. Its own type: the error
     * handler starts a record's back-off afresh when the type of its failure changes, so a record that first met
     * an outage and then turned out to contradict its decision is dead-lettered, not retried for ever.
     */
    static final class OrderRefused extends BatchListenerFailedException {

        OrderRefused(RefusedOrder reason, int index) {
            super(reason.getMessage(), reason, index);
        }
    }

    /** A readable order not decided for another reason (an outage, a bug): retried with back-off until it is. */
    static final class OrderNotDecided extends BatchListenerFailedException {

        private OrderNotDecided(String message, Throwable cause, int index) {
            super(message, cause, index);
        }

        static OrderNotDecided order(String orderId, Throwable cause, int index) {
            return new OrderNotDecided(
                    "Order " + orderId + " (record " + index + " of the batch) not decided: " + cause, cause, index);
        }
    }

    /** {@code orders.get(i)} is the batch's record i. */
    private void decideAndPublish(List<OrderPlaced> orders) {
        if (orders.isEmpty()) {
            return;
        }
        List<OrderDecided> decided;
        try {
            decided = reservation.decide(orders);
        } catch (StockReservation.Contradiction e) {
            decideAndPublish(orders.subList(0, e.index));
            throw new OrderRefused(e, e.index);
        } catch (RuntimeException batchFailed) {
            decided = decideOneByOne(orders);
        }
        publish(decided);
        long confirmed = decided.stream()
                .filter(one -> one.decision().status() == Decision.Status.CONFIRMED)
                .count();
        log.info("Decided {} orders: {} confirmed, {} rejected", decided.size(), confirmed, decided.size() - confirmed);
    }

    /** Finds the order the batch failed on: those before it are decided and published, then it is reported. */
    private List<OrderDecided> decideOneByOne(List<OrderPlaced> orders) {
        List<OrderDecided> decided = new ArrayList<>(orders.size());
        for (OrderPlaced order : orders) {
            try {
                decided.addAll(reservation.decide(List.of(order)));
            } catch (RuntimeException e) {
                publish(decided);
                throw e instanceof StockReservation.Contradiction contradiction
                        ? new OrderRefused(contradiction, decided.size())
                        : OrderNotDecided.order(order.orderId().toString(), e, decided.size());
            }
        }
        return decided;
    }

    /** Publishes all decisions and waits for every acknowledgement; on failure the whole list is retried. */
    private void publish(List<OrderDecided> decided) {
        List<CompletableFuture<?>> sends = new ArrayList<>(decided.size());
        try {
            for (OrderDecided one : decided) {
                String orderId = one.order().orderId().toString();
                sends.add(kafka.send(topics.outcomes(), orderId, envelopes.write(topics.outcomes(), one)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            throw notPublished(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(e);
        }
        decided.forEach(one -> log.debug(
                "Order {} {}: {} x {}{}",
                one.order().orderId(),
                one.decision().status(),
                one.order().qty(),
                one.order().productId(),
                one.decision().reason() == null ? "" : " (" + one.decision().reason() + ")"));
    }

    private static BatchListenerFailedException notPublished(Exception cause) {
        OutcomeNotPublished failure = new OutcomeNotPublished(cause);
        return new OrderNotDecided(
                "Decisions of the batch (from record 0) not published: " + failure.getMessage(), failure, 0);
    }
}
