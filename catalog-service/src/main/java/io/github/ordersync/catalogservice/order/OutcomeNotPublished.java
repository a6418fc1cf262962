package io.github.ordersync.catalogservice.order;

/** Kafka did not acknowledge a decision in time. The decision is stored; redelivery publishes it again. */
public class OutcomeNotPublished extends RuntimeException {

    OutcomeNotPublished(String orderId, Throwable cause) {
        super("Decision for order " + orderId + " not acknowledged by Kafka", cause);
    }
}
