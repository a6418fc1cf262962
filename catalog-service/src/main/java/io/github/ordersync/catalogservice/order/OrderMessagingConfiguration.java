package io.github.ordersync.catalogservice.order;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/** The topics order handling writes, and the one error handler of its listener. */
@Configuration(proxyBeanMethods = false)
class OrderMessagingConfiguration {

    @Bean
    NewTopic orderOutcomesTopic(CatalogTopics topics) {
        return TopicBuilder.name(topics.outcomes())
                .partitions(topics.partitions())
                .build();
    }

    @Bean
    NewTopic ordersDeadLetterTopic(CatalogTopics topics) {
        // the recoverer keeps the failed record's partition number: as many partitions as the orders topic
        return TopicBuilder.name(topics.deadLetter())
                .partitions(topics.partitions())
                .build();
    }

    /**
     * A refused record (unreadable, or contradicting its decision) goes to the dead-letter topic at once, with the
     * reason in {@code kafka_dlt-*} headers: retrying cannot change it. Every other failure of a readable order
     * (an outage, a read-only database, an unexpected exception) is retried with back-off until the order is
     * decided, and shown by {@link DecisionRetries}: dead-lettering a good order would strand it.
     */
    @Bean
    DefaultErrorHandler errorHandler(
            KafkaOperations<Object, Object> kafka, CatalogTopics topics, DecisionRetries retries) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(topics.deadLetter(), record.partition()));
        deadLetters.setExceptionHeadersCreator(OrderMessagingConfiguration::reasonHeaders);
        return errorHandler(deadLetters, untilDecided(), retries);
    }

    /**
     * The refusal's class and reason, exactly as the rules gave it (the JDBC sink's dead-letter queue carries the
     * same reason), and no stack trace.
     */
    static void reasonHeaders(
            Headers headers, Exception exception, boolean isKey, DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable reason = exception;
        while (!(reason instanceof RefusedOrder) && reason.getCause() != null) {
            reason = reason.getCause();
        }
        headers.add(
                names.getExceptionInfo().getExceptionFqcn(),
                utf8(reason.getClass().getName()));
        headers.add(names.getExceptionInfo().getExceptionMessage(), utf8(String.valueOf(reason.getMessage())));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static DefaultErrorHandler errorHandler(
            ConsumerRecordRecoverer deadLetters, BackOff untilDecided, DecisionRetries retries) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, untilDecided);
        // only refused records are not retried (the framework's default list would dead-letter a readable order
        // that met, say, a ClassCastException)
        handler.setClassifications(Map.of(RefusedOrder.class, false), true);
        handler.setRetryListeners(retries);
        return handler;
    }

    static BackOff untilDecided() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }
}
