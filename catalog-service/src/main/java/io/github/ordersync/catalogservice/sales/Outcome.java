package io.github.ordersync.catalogservice.sales;

import io.github.ordersync.orderrules.OrderRecordRules;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A decided order as the sales topology needs it, read from the {@code OrderDecided} record on order-outcomes with
 * the same rules the JDBC sink applies.
 */
record Outcome(String orderId, String productId, int qty, long totalPrice, boolean confirmed, String reason) {

    /**
     * The outcome in the record, or none when the shared order rules refuse it: the JDBC sink dead-letters such a
     * record with its reason, and it is no sale.
     */
    static List<Outcome> read(Converter converter, String topic, byte[] value) {
        Object data;
        try {
            data = converter.toConnectData(topic, value).value();
        } catch (DataException | SerializationException unreadable) {
            return List.of();
        }
        if (OrderRecordRules.violation(data, OrderRecordRules.Kind.DECIDED).isPresent()) {
            return List.of();
        }
        Struct order = (Struct) data;
        return List.of(new Outcome(
                order.getString("order_id"),
                order.getString("product_id"),
                order.getInt32("qty"),
                order.getInt64("total_price"),
                "CONFIRMED".equals(order.getString("status")),
                order.getString("reason")));
    }

    /**
     * What kind of rejection: catalog-service's reasons name the product and the numbers, so they are counted by
     * their first words.
     */
    String rejection() {
        if (reason == null) {
            return "other";
        }
        if (reason.startsWith("Insufficient stock")) {
            return "insufficient-stock";
        }
        if (reason.startsWith("Unknown product")) {
            return "unknown-product";
        }
        if (reason.startsWith("Price of")) {
            return "wrong-price";
        }
        return "other";
    }
}
