package io.github.ordersync.catalogservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedRuntimeException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener's error handler, driven the way the container drives it: retry or dead-letter is decided on every
 * attempt, by what the failure is now, never by the record's first failure.
 */
class OrderErrorHandlingTest {

    private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
    private final DecisionRetries retries = new DecisionRetries(new SimpleMeterRegistry());
    private final DefaultErrorHandler handler = OrderMessagingConfiguration.errorHandler(
            (record, exception) -> deadLettered.add(record),
            new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS),
            retries);
    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders", 0, 7, "order-7", new byte[0]);

    @Test
    void aReadableOrderIsRetriedThroughUnlistedErrorsAndOutagesAndNeverDeadLettered() {
        for (int attempt = 0; attempt < 20; attempt++) {
            fail(notDecided(new TransactionSystemException("commit failed")));
            fail(notDecided(new IllegalStateException("read-only database")));
            fail(notDecided(new ClassCastException("a bug")));
            fail(notDecided(new CannotGetJdbcConnectionException("database down")));
        }

        assertThat(deadLettered).isEmpty();
        assertThat(retries.health().getStatus().getCode()).isEqualTo("DOWN");
    }

    @Test
    void aRecordThatFirstMetAnOutageAndThenIsRefusedIsDeadLettered() {
        fail(notDecided(new CannotGetJdbcConnectionException("database down")));
        fail(notDecided(new CannotGetJdbcConnectionException("database down")));

        fail(new OrderListener.OrderRefused(new RefusedOrder("contradicts its decision"), 0));

        assertThat(deadLettered).containsExactly(record);
    }

    @Test
    void aRefusedRecordIsDeadLetteredAtOnce() {
        fail(new OrderListener.OrderRefused(new RefusedOrder("Record has no value"), 0));

        assertThat(deadLettered).containsExactly(record);
    }

    private static OrderListener.OrderNotDecided notDecided(Exception cause) {
        return OrderListener.OrderNotDecided.order("order-7", cause, 0);
    }

    private void fail(Exception failure) {
        Consumer<?, ?> consumer = mock(Consumer.class);
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties("orders"));
        ConsumerRecords<String, byte[]> batch =
                new ConsumerRecords<>(Map.of(new TopicPartition("orders", 0), List.of(record)), Map.of());
        try {
            handler.handleBatch(
                    new ListenerExecutionFailedException("listener failed", failure),
                    batch,
                    consumer,
                    container,
                    () -> {});
        } catch (NestedRuntimeException stillInRetry) {
            // the container would poll the record again
        }
    }
}
