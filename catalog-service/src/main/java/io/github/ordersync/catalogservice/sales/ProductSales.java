package io.github.ordersync.catalogservice.sales;

import java.util.Map;
import java.util.TreeMap;

/**
 * One product's sales since the start: confirmed quantity and revenue, and its rejected orders, in total and by kind
 * ({@link Outcome#rejection()}).
 */
record ProductSales(long confirmedQty, long revenue, long rejectedOrders, Map<String, Long> rejectedBy) {

    static final ProductSales NONE = new ProductSales(0, 0, 0, Map.of());

    ProductSales plus(Outcome outcome) {
        if (outcome.confirmed()) {
            return new ProductSales(
                    confirmedQty + outcome.qty(), revenue + outcome.totalPrice(), rejectedOrders, rejectedBy);
        }
        Map<String, Long> byKind = new TreeMap<>(rejectedBy);
        byKind.merge(outcome.rejection(), 1L, Long::sum);
        return new ProductSales(confirmedQty, revenue, rejectedOrders + 1, byKind);
    }
}
