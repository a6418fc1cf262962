package io.github.ordersync.catalogservice.order;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.stereotype.Component;

/**
 * Continues each order's trace into catalog-service. Spring Kafka observes no batch listener (a batch has no one
 * trace), so this opens one observation per record, from the trace context in the record's {@code traceparent}
 * header, logs the order's arrival under its trace and order id, and ends the observations when the batch is done.
 * Typed {@code <Object, Object>}: the type Spring Boot looks for to put it on the listener container factory.
 */
@Component
class OrderTraces implements BatchInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(OrderTraces.class);

    private final ObservationRegistry observations;
    private final ThreadLocal<List<Observation>> inBatch = ThreadLocal.withInitial(ArrayList::new);

    OrderTraces(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(
            ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        for (ConsumerRecord<Object, Object> record : records) {
            Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION
                    .observation(
                            null,
                            KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                            () -> new KafkaRecordReceiverContext(record, group, () -> null),
                            observations)
                    .start();
            try (Observation.Scope traced = observation.openScope();
                    MDC.MDCCloseable order = MDC.putCloseable("orderId", String.valueOf(record.key()))) {
                log.info(
                        "Order {} received from {}-{}@{}",
                        record.key(),
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
            inBatch.get().add(observation);
        }
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        end(null);
    }

    @Override
    public void failure(
            ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        end(exception);
    }

    private void end(Exception failure) {
        for (Observation observation : inBatch.get()) {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
        inBatch.get().clear();
    }
}
