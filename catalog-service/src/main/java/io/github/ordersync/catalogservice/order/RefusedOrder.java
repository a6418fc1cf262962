package io.github.ordersync.catalogservice.order;

/**
 * A record on the orders topic that this service will never decide: unreadable (refused by the shared order rules,
 * as the JDBC sink refuses it) or contradicting the decision stored for its order id. Retrying cannot help: it goes
 * to the dead-letter topic with this reason.
 */
public class RefusedOrder extends RuntimeException {

    RefusedOrder(String reason) {
        super(reason);
    }
}
