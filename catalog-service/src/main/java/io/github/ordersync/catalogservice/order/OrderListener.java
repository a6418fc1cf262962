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
 * <p>A failure names the first record not done, with a {@link BatchListenerFailedException}: the error handler
 * commits the records before it, retries or dead-letters that one record, and polls the rest again.
 */
@Component
class OrderListener {

    private static final Logger log = LoggerFactory.getLogger(OrderListener.class);

    private final OrderEnvelopes envelopes;
    private final StockReservation reservation;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CatalogTopics topics;

    OrderListener(
            OrderEnvelopes envelopes,
            StockReservation reservation,
            KafkaTemplate<String, byte[]> kafka,
            CatalogTopics topics) {
        this.envelopes = envelopes;
        this.reservation = reservation;
        this.kafka = kafka;
        this.topics = topics;
    }

    @KafkaListener(id = "catalog-orders", idIsGroup = false, topics = "${catalog.topics.orders}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<OrderPlaced> orders = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                orders.add(envelopes.read(record.topic(), record.value()));
            } catch (UnreadableOrder e) {
                decideAndPublish(orders);
                throw new BatchListenerFailedException(e.getMessage(), e, orders.size());
            }
        }
        decideAndPublish(orders);
    }

    /** {@code orders.get(i)} is the batch's record i. */
    private void decideAndPublish(List<OrderPlaced> orders) {
        if (orders.isEmpty()) {
            return;
        }
        List<OrderDecided> decided;
        try {
            decided = reservation.decide(orders);
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
                throw new BatchListenerFailedException("Order " + order.orderId() + " not decided", e, decided.size());
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
        return new BatchListenerFailedException(failure.getMessage(), failure, 0);
    }
}
