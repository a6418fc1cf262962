package io.github.ordersync.orderservice.order;

import io.github.ordersync.orderservice.product.CatalogProduct;
import io.github.ordersync.orderservice.product.ProductCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Places an order by publishing {@link OrderPlaced} and waiting for the broker to acknowledge it: the order
 * exists once, and only once, Kafka has it. Nothing is stored here; the JDBC sink connector writes the shared
 * orders table from the topic. An order for a product the catalog does not have, or at a price it does not have now,
 * is refused first, on this instance's read model of the catalog, without asking catalog-service.
 */
@Service
class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final KafkaTemplate<String, OrderPlaced> kafka;
    private final OrderEventsProperties events;
    private final ProductCatalog catalog;
    private final Counter placed;

    OrderPlacement(
            KafkaTemplate<String, OrderPlaced> kafka,
            OrderEventsProperties events,
            ProductCatalog catalog,
            MeterRegistry metrics) {
        this.kafka = kafka;
        this.events = events;
        this.catalog = catalog;
        this.placed = Counter.builder("orders.placed")
                .description("Orders acknowledged by Kafka and answered 201")
                .register(metrics);
    }

    /**
     * Publishes the order and waits for the acknowledgement.
     *
     * @param idempotencyKey the client's key for this order, or {@code null}: the same key with the same order
     *     gives the same order id, so a retried POST cannot place a second order
     */
    OrderPlaced place(String userId, String idempotencyKey, PlaceOrderRequest request) {
        checkAgainstCatalog(request);
        OrderPlaced order = new OrderPlaced(
                orderId(userId, idempotencyKey, request),
                userId,
                request.productId(),
                request.qty(),
                request.unitPrice(),
                // bounded by validation; multiplyExact turns any future mistake into an error, not a wrong total
                Math.multiplyExact((long) request.qty(), request.unitPrice()),
                OrderStatus.PENDING,
                // the shared table keeps milliseconds: the response shows what will be stored
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // log lines about this order carry its id (the log pattern's order=...)
        try (MDC.MDCCloseable orderInLogs =
                MDC.putCloseable("orderId", order.orderId().toString())) {
            kafka.send(events.topic(), order.orderId().toString(), order)
                    .get(events.acknowledgeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Order {} placed: {} x {} for user {}", order.orderId(), order.qty(), order.productId(), userId);
        } catch (SerializationException e) {
            throw notWritable(order, e);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            if (e.getCause() instanceof SerializationException cause) {
                throw notWritable(order, cause);
            }
            log.warn(
                    "Order {} not acknowledged by Kafka (it may still be placed): {}", order.orderId(), e.getMessage());
            throw new OrderNotAccepted(order.orderId(), idempotencyKey != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderNotAccepted(order.orderId(), idempotencyKey != null);
        }
        placed.increment();
        return order;
    }

    /**
     * The event could not be serialized (in the Avro format: the registry refused its schema or was not reachable),
     * thrown by the send itself or as the cause of Spring's wrapper: nothing reached the broker.
     */
    private static OrderNotWritable notWritable(OrderPlaced order, SerializationException e) {
        log.error("Order {} not written: {}", order.orderId(), e.getMessage());
        return new OrderNotWritable(order.orderId(), e.getMessage());
    }

    private void checkAgainstCatalog(PlaceOrderRequest request) {
        if (!catalog.caughtUp()) {
            throw OrderRefused.catalogLoading();
        }
        CatalogProduct product =
                catalog.find(request.productId()).orElseThrow(() -> OrderRefused.unknownProduct(request.productId()));
        if (product.unitPrice() != request.unitPrice()) {
            throw OrderRefused.priceChanged(request.productId(), request.unitPrice(), product.unitPrice());
        }
    }

    /**
     * Without a key a random id. With a key a name-based id over the user, the key and the order itself: a retry
     * repeats the same event (the catalog and the sink deduplicate on the id), while the same key with another
     * order is another order.
     */
    static UUID orderId(String userId, String idempotencyKey, PlaceOrderRequest request) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        String name = String.join(
                "\n",
                userId,
                idempotencyKey,
                request.productId(),
                request.qty().toString(),
                request.unitPrice().toString());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
