package io.github.ordersync.catalogservice.sales;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes an order's outcome on the first time only. catalog-service publishes a decision again when its order is
 * redelivered, and a replay of order-outcomes delivers every one again; the order ids seen are kept (changelogged)
 * for {@link SalesTopology#DEDUPLICATION_WINDOW}, longer than any redelivery. Works because order-outcomes is keyed by
 * order id: every copy of an outcome reaches the same task.
 */
final class FirstDeliveryOnly implements FixedKeyProcessor<String, Outcome, Outcome> {

    private static final long WINDOW = SalesTopology.DEDUPLICATION_WINDOW.toMillis();

    private FixedKeyProcessorContext<String, Outcome> context;
    private WindowStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
        this.seen = context.getStateStore(SalesTopology.SEEN_ORDERS);
    }

    @Override
    public void process(FixedKeyRecord<String, Outcome> record) {
        String orderId = record.value().orderId();
        long at = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(orderId, at - WINDOW, at + WINDOW)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(orderId, at, at);
        context.forward(record);
    }
}
