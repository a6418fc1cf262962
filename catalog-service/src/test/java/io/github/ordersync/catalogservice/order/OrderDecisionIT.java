package io.github.ordersync.catalogservice.order;

import static io.github.ordersync.catalogservice.order.CatalogRows.decisionOf;
import static io.github.ordersync.catalogservice.order.CatalogRows.priceOf;
import static io.github.ordersync.catalogservice.order.CatalogRows.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.catalogservice.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@Import(TestInfrastructure.class)
class OrderDecisionIT {

    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient db;

    @Autowired
    CatalogTopics topics;

    @Test
    void confirmsAnOrderAndTakesItsQuantityFromStock() {
        int before = stockOf(db, "CATALOG-001");
        UUID orderId = place("CATALOG-001", 3);

        await().atMost(DECIDED_WITHIN).until(() -> decisionOf(db, orderId) != null);
        assertThat(decisionOf(db, orderId)).isEqualTo("CONFIRMED");
        assertThat(stockOf(db, "CATALOG-001")).isEqualTo(before - 3);
    }

    @Test
    void rejectsOrderWhenStockIsInsufficient() {
        int before = stockOf(db, "CATALOG-002");
        UUID orderId = place("CATALOG-002", before + 1);

        await().atMost(DECIDED_WITHIN).until(() -> decisionOf(db, orderId) != null);
        assertThat(decisionOf(db, orderId)).isEqualTo("REJECTED");
        assertThat(db.sql("SELECT reason FROM order_decisions WHERE order_id = ?")
                        .param(orderId.toString())
                        .query(String.class)
                        .single())
                .startsWith("Insufficient stock");
        assertThat(stockOf(db, "CATALOG-002")).isEqualTo(before);
    }

    @Test
    void appliesARedeliveredOrderOnlyOnce() {
        int before = stockOf(db, "CATALOG-003");
        UUID orderId = UUID.randomUUID();
        long price = priceOf(db, "CATALOG-003");
        byte[] order = PlacedOrders.envelope(orderId, "CATALOG-003", 2, price, "PENDING");

        int partition = kafka.send(topics.orders(), orderId.toString(), order)
                .join()
                .getRecordMetadata()
                .partition();
        kafka.send(topics.orders(), partition, orderId.toString(), order).join();
        UUID later = UUID.randomUUID();
        kafka.send(
                        topics.orders(),
                        partition,
                        later.toString(),
                        PlacedOrders.envelope(later, "CATALOG-003", 1, price, "PENDING"))
                .join();

        // One partition is read in order: once the later order is decided, both copies have been processed.
        await().atMost(DECIDED_WITHIN).until(() -> decisionOf(db, later) != null);
        assertThat(stockOf(db, "CATALOG-003")).isEqualTo(before - 2 - 1);
    }

    private UUID place(String productId, int qty) {
        UUID orderId = UUID.randomUUID();
        kafka.send(
                        topics.orders(),
                        orderId.toString(),
                        PlacedOrders.envelope(orderId, productId, qty, priceOf(db, productId), "PENDING"))
                .join();
        return orderId;
    }
}
