package io.github.ordersync.catalogservice.order;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The metric {@code orders.decided{status=CONFIRMED|REJECTED}}, counted from the order_decisions table every few
 * seconds: each order once, whichever instance decided it, however often it was redelivered, across restarts.
 */
@Component
class DecisionCounts {

    private final JdbcClient jdbc;
    private final Map<Decision.Status, AtomicLong> counts = new EnumMap<>(Decision.Status.class);

    DecisionCounts(JdbcClient jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        for (Decision.Status status : Decision.Status.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            FunctionCounter.builder("orders.decided", count, AtomicLong::get)
                    .description("Orders decided by catalog-service")
                    .tag("status", status.name())
                    .register(metrics);
        }
    }

    @Scheduled(fixedDelayString = "${catalog.metrics.refresh:5s}")
    void refresh() {
        jdbc.sql("SELECT status, COUNT(*) AS decided FROM order_decisions GROUP BY status")
                .query((RowCallbackHandler) row -> counts.get(Decision.Status.valueOf(row.getString("status")))
                        .set(row.getLong("decided")));
    }
}
