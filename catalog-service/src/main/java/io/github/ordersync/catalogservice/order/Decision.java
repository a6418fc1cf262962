package io.github.ordersync.catalogservice.order;

import java.time.Instant;

/** What catalog-service decided for one order, as stored in order_decisions. */
record Decision(Status status, String reason, Instant decidedAt) {

    enum Status {
        CONFIRMED,
        REJECTED
    }

    static Decision confirmed(Instant at) {
        return new Decision(Status.CONFIRMED, null, at);
    }

    static Decision rejected(String reason, Instant at) {
        return new Decision(Status.REJECTED, reason, at);
    }
}
