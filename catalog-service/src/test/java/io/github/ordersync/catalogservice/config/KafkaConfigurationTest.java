package io.github.ordersync.catalogservice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class KafkaConfigurationTest {

    @Test
    void databaseOutagesAreTransientAndRetriedUntilTheyEnd() {
        assertThat(KafkaConfiguration.isTransient(wrapped(new CannotGetJdbcConnectionException("down"))))
                .isTrue();
        assertThat(KafkaConfiguration.isTransient(wrapped(new CannotCreateTransactionException("down"))))
                .isTrue();
        assertThat(KafkaConfiguration.isTransient(
                        wrapped(new RuntimeException(new SQLTransientConnectionException("down")))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotTransient() {
        assertThat(KafkaConfiguration.isTransient(wrapped(new DataIntegrityViolationException("bad"))))
                .isFalse();
        assertThat(KafkaConfiguration.isTransient(wrapped(new IllegalStateException("bug"))))
                .isFalse();
    }

    private static Exception wrapped(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
