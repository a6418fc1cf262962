package io.github.ordersync.orderservice.product;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * order-service's read model of the catalog: every product with its current name and price, rebuilt from the start
 * of the compacted {@code catalog-products} topic at every start. It is ready (health {@code catalogProducts}, part of
 * readiness) once it has read as far as the topic reached when first asked (the instance's first readiness check, as
 * it starts); until then it answers nothing, so no order is refused for a product it has not read yet. A record it
 * cannot read is skipped, logged and counted in health ({@code unreadable}); the product keeps its last readable
 * state.
 */
@Component("catalogProducts")
public class ProductCatalog implements HealthIndicator {

    private final Map<String, CatalogProduct> products = new ConcurrentHashMap<>();
    private final Map<Integer, Long> read = new ConcurrentHashMap<>();
    private final KafkaAdmin admin;
    private final CatalogProductsProperties properties;
    private volatile Map<Integer, Long> endAtStart;
    private volatile boolean caughtUp;
    private volatile Instant lastChangeAppliedAt;
    private final AtomicLong unreadable = new AtomicLong();
    private volatile String lastUnreadable;

    ProductCatalog(KafkaAdmin admin, CatalogProductsProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    /** The product as last published, or empty for one the catalog does not have (never had, or deleted). */
    public Optional<CatalogProduct> find(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    /** Whether every change published before this instance started has been applied. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> end = endAtStart();
        if (end == null) {
            return false;
        }
        caughtUp = end.entrySet().stream()
                .allMatch(partition -> read.getOrDefault(partition.getKey(), 0L) >= partition.getValue());
        return caughtUp;
    }

    List<CatalogProduct> all() {
        return products.values().stream()
                .sorted(Comparator.comparing(CatalogProduct::productId))
                .toList();
    }

    Instant lastChangeAppliedAt() {
        return lastChangeAppliedAt;
    }

    void apply(int partition, long offset, String productId, CatalogProduct product) {
        if (product == null) {
            products.remove(productId);
        } else {
            products.put(productId, product);
        }
        read.merge(partition, offset + 1, Math::max);
        lastChangeAppliedAt = Instant.now();
    }

    /**
     * A record that could not be read: passed over (so the read model still catches up), counted and shown in health.
     */
    void skip(int partition, long offset, String reason) {
        read.merge(partition, offset + 1, Math::max);
        unreadable.incrementAndGet();
        lastUnreadable = "offset " + offset + " of partition " + partition + ": " + reason;
    }

    @Override
    public Health health() {
        Map<Integer, Long> end = endAtStart();
        Health.Builder health = caughtUp() ? Health.up() : Health.outOfService();
        return health.withDetail("products", products.size())
                .withDetail("topic", properties.topic())
                .withDetail("toReadAtStart", end == null ? "unknown (broker not reachable)" : end)
                .withDetail("read", Map.copyOf(read))
                .withDetail("unreadable", unreadable.get())
                .withDetail("lastUnreadable", lastUnreadable == null ? "none" : lastUnreadable)
                .build();
    }

    /** The topic's end offsets when first asked; none while the broker cannot say; empty while it has no topic. */
    private Map<Integer, Long> endAtStart() {
        if (endAtStart == null) {
            endAtStart = lookUpEndOffsets();
        }
        return endAtStart;
    }

    private Map<Integer, Long> lookUpEndOffsets() {
        long timeout = properties.lookupTimeout().toMillis();
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            var partitions = client.describeTopics(List.of(properties.topic()))
                    .allTopicNames()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .get(properties.topic())
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition ->
                    latest.put(new TopicPartition(properties.topic(), partition.partition()), OffsetSpec.latest()));
            Map<Integer, Long> end = new HashMap<>();
            client.listOffsets(latest)
                    .all()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .forEach((partition, offsets) -> end.put(partition.partition(), offsets.offset()));
            return Map.copyOf(end);
        } catch (ExecutionException e) {
            // no topic yet: the connector has published nothing, there is nothing to catch up on
            return e.getCause() instanceof UnknownTopicOrPartitionException ? Map.of() : null;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
