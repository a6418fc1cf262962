package io.github.ordersync.catalogservice.order;

/** Kafka did not acknowledge decisions in time. The decisions are stored; redelivery publishes them again. */
public class OutcomeNotPublished extends RuntimeException {

    OutcomeNotPublished(Throwable cause) {
        super("Decisions not acknowledged by Kafka", cause);
    }
}
