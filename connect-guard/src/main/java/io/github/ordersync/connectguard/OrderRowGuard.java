package io.github.ordersync.connectguard;

import io.github.ordersync.orderrules.OrderRecordRules;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Lets through only records that {@link OrderRecordRules} accepts, the rules catalog-service decides by, so that the
 * sink stores exactly the orders the catalog decides, never writes a wrong value and never fails its task on one
 * bad record. A record refused throws a {@link DataException} with the rule's reason; with
 * {@code errors.tolerance=all} Connect puts it on the connector's dead-letter topic with that reason in its headers
 * and goes on with the next record. Optional fields a newer producer added, which the table has no column for, are
 * left out of the record passed on.
 *
 * <p>{@code kind=placed} for order-service's topic, {@code kind=decided} for catalog-service's decisions.
 */
public class OrderRowGuard<R extends ConnectRecord<R>> implements Transformation<R> {

    static final String KIND = "kind";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    KIND,
                    ConfigDef.Type.STRING,
                    "placed",
                    ConfigDef.ValidString.in("placed", "decided"),
                    ConfigDef.Importance.HIGH,
                    "Which rules apply: placed (the orders topic) or decided (the order-outcomes topic)");

    private OrderRecordRules.Kind kind = OrderRecordRules.Kind.PLACED;

    @Override
    public R apply(R record) {
        OrderRecordRules.violation(record.value(), kind).ifPresent(reason -> {
            throw new DataException(reason);
        });
        Struct order = (Struct) record.value();
        Struct row = OrderRecordRules.columnsOnly(order);
        return row == order
                ? record
                : record.newRecord(
                        record.topic(),
                        record.kafkaPartition(),
                        record.keySchema(),
                        record.key(),
                        row.schema(),
                        row,
                        record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        String configured = new AbstractConfig(CONFIG, configs).getString(KIND);
        kind = OrderRecordRules.Kind.valueOf(configured.toUpperCase(Locale.ROOT));
    }

    @Override
    public void close() {}
}
