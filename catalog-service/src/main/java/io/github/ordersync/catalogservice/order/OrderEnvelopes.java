package io.github.ordersync.catalogservice.order;

import io.github.ordersync.orderrules.OrderRecordRules;
import io.github.ordersync.orderrules.OrderSchemas;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.springframework.stereotype.Component;

/**
 * The one place that knows catalog-service's wire formats: reads order-service's {@code OrderPlaced} record and
 * writes the {@code OrderDecided} record, both with a Kafka Connect converter of the configured format (the envelope,
 * with Kafka Connect's own JsonConverter strict about JSON types, or Avro with the schema registry), and accepts
 * exactly the records the shared order rules accept.
 */
@Component
class OrderEnvelopes {

    static final Schema ORDER_DECIDED = OrderSchemas.DECIDED;

    private final Converter converter;

    OrderEnvelopes(RecordsProperties records) {
        this.converter = records.valueConverter();
    }

    /**
     * Reads a placed order, or throws {@link RefusedOrder} with the reason the shared order rules give, the same
     * reason for which the JDBC sink dead-letters the record.
     */
    OrderPlaced read(String topic, byte[] value) {
        Object data;
        try {
            data = converter.toConnectData(topic, value).value();
        } catch (DataException | SerializationException e) {
            throw new RefusedOrder(e.getMessage());
        }
        OrderRecordRules.violation(data, OrderRecordRules.Kind.PLACED).ifPresent(reason -> {
            throw new RefusedOrder(reason);
        });
        Struct order = (Struct) data;
        return new OrderPlaced(
                UUID.fromString(order.getString("order_id")),
                order.getString("user_id"),
                order.getString("product_id"),
                order.getInt32("qty"),
                order.getInt64("unit_price"),
                order.getInt64("total_price"),
                ((Date) order.get("created_at")).toInstant());
    }

    byte[] write(String topic, OrderDecided decided) {
        OrderPlaced order = decided.order();
        Struct struct = OrderSchemas.order(ORDER_DECIDED, order)
                .put("status", decided.decision().status().name())
                .put("reason", decided.decision().reason())
                .put("decided_at", Date.from(decided.decision().decidedAt()));
        return converter.fromConnectData(topic, ORDER_DECIDED, struct);
    }
}
