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
@Component // typed <Object, Object>: the type Spring Boot looks for to put it on the listener container factory
class OrderLogContext implements RecordInterceptor<Object, Object> {

    static final String ORDER_ID = "orderId";

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.key() != null) {
            MDC.put(ORDER_ID, record.key().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(ORDER_ID);
    }
}
