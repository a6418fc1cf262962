package io.github.ordersync.catalogservice.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the sales topology's two global stores, which every instance holds whole. */
final class SalesQueries {

    static final int MINUTES = 60;
    static final int TOP = 5;

    /** A product's sales since the start, as {@code GET /catalog-service/sales} lists them. */
    record ProductSalesView(
            String productId, long confirmedQty, long revenue, long rejectedOrders, Map<String, Long> rejectedBy) {}

    /** A product's confirmed sales in the minute that starts at {@code minute}. */
    record MinuteView(Instant minute, long confirmedQty, long revenue) {}

    /** A product's confirmed sales over the last hour. */
    record TopView(String productId, long confirmedQty, long revenue) {}

    private final ReadOnlyKeyValueStore<String, ProductSales> totals;
    private final ReadOnlyKeyValueStore<String, MinuteSales> perMinute;
    private final Clock clock;

    SalesQueries(
            ReadOnlyKeyValueStore<String, ProductSales> totals,
            ReadOnlyKeyValueStore<String, MinuteSales> perMinute,
            Clock clock) {
        this.totals = totals;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Every product with an outcome, by product id. */
    List<ProductSalesView> totals() {
        List<ProductSalesView> all = new ArrayList<>();
        try (KeyValueIterator<String, ProductSales> products = totals.all()) {
            products.forEachRemaining(product -> all.add(view(product)));
        }
        all.sort(Comparator.comparing(ProductSalesView::productId));
        return all;
    }

    /** The last {@value #MINUTES} minutes up to the current one, oldest first, with zeros where nothing sold. */
    List<MinuteView> perMinute(String productId) {
        Instant last = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(Duration.ofMinutes(MINUTES - 1));
        Map<Instant, MinuteSales> sold = new HashMap<>();
        try (KeyValueIterator<String, MinuteSales> minutes =
                perMinute.range(MinuteSales.key(productId, first), MinuteSales.key(productId, last))) {
            minutes.forEachRemaining(minute -> sold.put(MinuteSales.minuteOf(minute.key), minute.value));
        }
        List<MinuteView> window = new ArrayList<>(MINUTES);
        for (Instant minute = first; !minute.isAfter(last); minute = minute.plus(SalesTopology.MINUTE)) {
            MinuteSales sales = sold.getOrDefault(minute, MinuteSales.NONE);
            window.add(new MinuteView(minute, sales.confirmedQty(), sales.revenue()));
        }
        return window;
    }

    /** The {@value #TOP} products with the highest revenue over the last {@value #MINUTES} minutes, highest first. */
    List<TopView> top() {
        Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES - 1));
        Map<String, MinuteSales> hour = new HashMap<>();
        try (KeyValueIterator<String, MinuteSales> minutes = perMinute.all()) {
            minutes.forEachRemaining(minute -> {
                if (!MinuteSales.minuteOf(minute.key).isBefore(first)) {
                    hour.merge(
                            MinuteSales.productOf(minute.key),
                            minute.value,
                            (a, b) -> new MinuteSales(a.confirmedQty() + b.confirmedQty(), a.revenue() + b.revenue()));
                }
            });
        }
        return hour.entrySet().stream()
                .map(product -> new TopView(
                        product.getKey(),
                        product.getValue().confirmedQty(),
                        product.getValue().revenue()))
                .sorted(Comparator.comparingLong(TopView::revenue).reversed().thenComparing(TopView::productId))
                .limit(TOP)
                .toList();
    }

    private static ProductSalesView view(KeyValue<String, ProductSales> product) {
        ProductSales sales = product.value;
        return new ProductSalesView(
                product.key, sales.confirmedQty(), sales.revenue(), sales.rejectedOrders(), sales.rejectedBy());
    }
}
