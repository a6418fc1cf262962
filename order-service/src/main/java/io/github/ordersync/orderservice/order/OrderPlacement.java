package io.github.ordersync.orderservice.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Places an order by publishing {@link OrderPlaced} and waiting for the broker to acknowledge it: the order
 * exists once, and only once, Kafka has it. Nothing is stored here; the JDBC sink connector writes the shared
 * orders table from the topic.
 */
@Service
class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final KafkaTemplate<String, OrderPlaced> kafka;
    private final OrderEventsProperties events;

    OrderPlacement(KafkaTemplate<String, OrderPlaced> kafka, OrderEventsProperties events) {
        this.kafka = kafka;
        this.events = events;
    }

    OrderPlaced place(String userId, PlaceOrderRequest request) {
        OrderPlaced order = new OrderPlaced(
                UUID.randomUUID(),
                userId,
                request.productId(),
                request.qty(),
                request.unitPrice(),
                // bounded by validation; multiplyExact turns any future mistake into an error, not a wrong total
                Math.multiplyExact((long) request.qty(), request.unitPrice()),
                OrderStatus.PENDING,
                // the shared table keeps milliseconds: the response shows what will be stored
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            kafka.send(events.topic(), order.orderId().toString(), order)
                    .get(events.acknowledgeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            log.warn("Order {} not acknowledged by Kafka: {}", order.orderId(), e.getMessage());
            throw new OrderNotAccepted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderNotAccepted();
        }
        log.info("Order {} placed: {} x {} for user {}", order.orderId(), order.qty(), order.productId(), userId);
        return order;
    }
}
