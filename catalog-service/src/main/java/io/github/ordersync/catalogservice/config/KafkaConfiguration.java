package io.github.ordersync.catalogservice.config;

import io.github.ordersync.catalogservice.order.CatalogTopics;
import io.github.ordersync.catalogservice.order.OutcomeNotPublished;
import io.github.ordersync.catalogservice.order.UnreadableOrder;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The topics catalog-service writes, and the one error handler of its listener. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

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
     * Unreadable records go to the dead-letter topic at once, with the reason in {@code kafka_dlt-*} headers:
     * retrying cannot make them readable. Database and broker outages are retried until they end: dead-lettering
     * a good order would lose it. Anything else is retried three times, then dead-lettered.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, CatalogTopics topics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(topics.deadLetter(), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(UnreadableOrder.class);
        BackOff untilRecovered = untilRecovered();
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? untilRecovered : null);
        return handler;
    }

    private static BackOff untilRecovered() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof RetriableException
                    || cause instanceof OutcomeNotPublished) {
                return true;
            }
        }
        return false;
    }
}
