package io.github.ordersync.catalogservice.config;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the order id (the record key) into the logging context while the listener handles the order, so every log
 * line about it carries {@code order=...} next to the trace id that came with the record.
 */
@Component
class OrderLogContext implements RecordInterceptor<String, byte[]> {

    static final String ORDER_ID = "orderId";

    @Override
    public ConsumerRecord<String, byte[]> intercept(
            ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        if (record.key() != null) {
            MDC.put(ORDER_ID, record.key());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        MDC.remove(ORDER_ID);
    }
}
