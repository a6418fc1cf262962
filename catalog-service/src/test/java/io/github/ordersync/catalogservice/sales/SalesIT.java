package io.github.ordersync.catalogservice.sales;

import static org.awaitility.Awaitility.await;

import io.github.ordersync.catalogservice.TestInfrastructure;
import io.github.ordersync.catalogservice.order.CatalogTopics;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The sales topology inside catalog-service, on whatever the integration tests run on (Testcontainers or the local
 * stack): an outcome delivered twice shows once in {@code GET /catalog-service/sales}.
 */
@SpringBootTest
@Import(TestInfrastructure.class)
class SalesIT {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    CatalogTopics topics;

    @Autowired
    SalesController sales;

    @Test
    void anOutcomeDeliveredTwiceShowsOnceInTheSales() {
        String product = "SALES-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] outcome = DecidedRecords.confirmed(product, 2, 1000);

        kafka.send(topics.outcomes(), "order", outcome).join();
        kafka.send(topics.outcomes(), "order", outcome).join();

        SalesQueries.ProductSalesView counted = new SalesQueries.ProductSalesView(product, 2, 2000, 0, Map.of());
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> sales.sales().contains(counted));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sales.sales().contains(counted));
    }
}
