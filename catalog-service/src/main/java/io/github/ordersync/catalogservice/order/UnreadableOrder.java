package io.github.ordersync.catalogservice.order;

/** A record on the orders topic that is not an order this service understands; retrying cannot help. */
public class UnreadableOrder extends RuntimeException {

    UnreadableOrder(String reason) {
        super(reason);
    }

    UnreadableOrder(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
    }
}
