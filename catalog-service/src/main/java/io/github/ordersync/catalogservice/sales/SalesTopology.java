package io.github.ordersync.catalogservice.sales;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Live sales from the order outcomes. Each outcome counts once ({@link FirstDeliveryOnly}); then, per product:
 *
 * <ul>
 *   <li>confirmed quantity, revenue and rejected orders (by kind) since the start, written to the totals topic;
 *   <li>confirmed quantity and revenue per one-minute window (kept 65 minutes), written to the per-minute topic.
 * </ul>
 *
 * Both topics are read back as global tables ({@link #TOTALS}, {@link #PER_MINUTE}): every instance holds all of
 * them and answers for every product, whichever instance counted it.
 */
final class SalesTopology {

    static final String SEEN_ORDERS = "sales-seen-orders";
    static final String TOTALS = "sales-totals";
    static final String PER_MINUTE = "sales-per-minute";

    static final Duration DEDUPLICATION_WINDOW = Duration.ofDays(7);
    static final Duration MINUTE = Duration.ofMinutes(1);
    /** An outcome may arrive this late and still count in its minute. */
    static final Duration GRACE = Duration.ofSeconds(30);

    static final Duration MINUTES_KEPT = Duration.ofMinutes(65);

    static final Serde<Outcome> OUTCOME = JsonSerde.of(Outcome.class);
    static final Serde<ProductSales> PRODUCT_SALES = JsonSerde.of(ProductSales.class);
    static final Serde<MinuteSales> MINUTE_SALES = JsonSerde.of(MinuteSales.class);

    private SalesTopology() {}

    /**
     * Adds the topology to {@code builder}; returns the counted outcomes, keyed by product. {@code outcomes} reads the
     * records of the outcomes topic (the envelope or Avro, see RecordsProperties).
     */
    static KStream<String, Outcome> addTo(
            StreamsBuilder builder, String outcomesTopic, Converter outcomes, SalesTopics topics) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_ORDERS, DEDUPLICATION_WINDOW, DEDUPLICATION_WINDOW, false),
                Serdes.String(),
                Serdes.Long()));

        KStream<String, Outcome> byProduct = builder.stream(
                        outcomesTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .flatMapValues(value -> Outcome.read(outcomes, outcomesTopic, value))
                .processValues(FirstDeliveryOnly::new, SEEN_ORDERS)
                .selectKey((orderId, outcome) -> outcome.productId())
                // one repartition by product, for both aggregations below
                .repartition(Repartitioned.with(Serdes.String(), OUTCOME).withName("by-product"));

        byProduct
                .groupByKey(Grouped.with(Serdes.String(), OUTCOME))
                .aggregate(
                        () -> ProductSales.NONE,
                        (productId, outcome, sales) -> sales.plus(outcome),
                        Materialized.<String, ProductSales, KeyValueStore<Bytes, byte[]>>as("sales-totals-counted")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(PRODUCT_SALES))
                .toStream()
                .to(topics.totals(), Produced.with(Serdes.String(), PRODUCT_SALES));

        byProduct
                .filter((productId, outcome) -> outcome.confirmed())
                .groupByKey(Grouped.with(Serdes.String(), OUTCOME))
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, GRACE))
                .aggregate(
                        () -> MinuteSales.NONE,
                        (productId, outcome, minute) -> minute.plus(outcome),
                        Materialized.<String, MinuteSales, WindowStore<Bytes, byte[]>>as("sales-per-minute-counted")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(MINUTE_SALES)
                                .withRetention(MINUTES_KEPT))
                .toStream()
                .selectKey((window, minute) -> key(window))
                .to(topics.perMinute(), Produced.with(Serdes.String(), MINUTE_SALES));

        builder.globalTable(
                topics.totals(),
                Consumed.with(Serdes.String(), PRODUCT_SALES),
                Materialized.<String, ProductSales, KeyValueStore<Bytes, byte[]>>as(TOTALS));
        builder.globalTable(
                topics.perMinute(),
                Consumed.with(Serdes.String(), MINUTE_SALES),
                Materialized.<String, MinuteSales, KeyValueStore<Bytes, byte[]>>as(PER_MINUTE));
        return byProduct;
    }

    private static String key(Windowed<String> window) {
        return MinuteSales.key(
                window.key(), Instant.ofEpochMilli(window.window().start()));
    }
}
