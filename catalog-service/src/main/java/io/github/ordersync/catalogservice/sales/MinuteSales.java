package io.github.ordersync.catalogservice.sales;

import java.time.Instant;

/** One product's confirmed sales in one minute. */
record MinuteSales(long confirmedQty, long revenue) {

    static final MinuteSales NONE = new MinuteSales(0, 0);

    MinuteSales plus(Outcome outcome) {
        return new MinuteSales(confirmedQty + outcome.qty(), revenue + outcome.totalPrice());
    }

    /**
     * The key of a product's minute in the per-minute store: ordered by product, then by time, so that one product's
     * minutes are one range. Product ids hold no {@code @} ({@code Ids.PRODUCT_ID_PATTERN}).
     */
    static String key(String productId, Instant minute) {
        return productId + "@" + String.format("%015d", minute.toEpochMilli());
    }

    static String productOf(String key) {
        return key.substring(0, key.lastIndexOf('@'));
    }

    static Instant minuteOf(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(key.lastIndexOf('@') + 1)));
    }
}
