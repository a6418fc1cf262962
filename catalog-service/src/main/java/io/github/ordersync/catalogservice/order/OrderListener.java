package io.github.ordersync.catalogservice.order;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides each placed order and publishes the decision. Delivery is at least once: a record seen again (after a
 * crash, a rebalance, or a failed publish) is decided once and its stored decision published again.
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

    @KafkaListener(id = "catalog-orders", idIsGroup = false, topics = "${catalog.topics.orders}")
    void on(ConsumerRecord<String, byte[]> record) {
        OrderPlaced order = envelopes.read(record.topic(), record.value());
        OrderDecided decided = reservation.decide(order);
        publish(decided);
        log.info(
                "Order {} {}: {} x {}{}",
                order.orderId(),
                decided.decision().status(),
                order.qty(),
                order.productId(),
                decided.decision().reason() == null
                        ? ""
                        : " (" + decided.decision().reason() + ")");
    }

    private void publish(OrderDecided decided) {
        String orderId = decided.order().orderId().toString();
        try {
            kafka.send(topics.outcomes(), orderId, envelopes.write(topics.outcomes(), decided))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            throw new OutcomeNotPublished(orderId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutcomeNotPublished(orderId, e);
        }
    }
}
