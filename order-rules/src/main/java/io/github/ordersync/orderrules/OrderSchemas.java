package io.github.ordersync.orderrules;

import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Kafka Connect schemas of the two order records, as they travel in the {@code {"schema":...,"payload":...}}
 * envelope: order-service writes {@link #PLACED} to the orders topic, catalog-service writes {@link #DECIDED} to
 * order-outcomes, and the JDBC sink writes both into the shared {@code orders} table, whose column names the field
 * names are. The golden records in {@code contracts/} are these schemas on the wire.
 *
 * <p>Fields added later must be optional or carry a default, so that a consumer reading with the old schema keeps
 * working.
 */
public final class OrderSchemas {

    public static final Schema PLACED = orderFields("io.github.ordersync.OrderPlaced")
            .field("status", SchemaBuilder.string().defaultValue("PENDING").build())
            .field("created_at", Timestamp.SCHEMA)
            .build();

    public static final Schema DECIDED = orderFields("io.github.ordersync.OrderDecided")
            .field("status", Schema.STRING_SCHEMA)
            .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .field("decided_at", Timestamp.SCHEMA)
            .build();

    private OrderSchemas() {}

    private static SchemaBuilder orderFields(String name) {
        return SchemaBuilder.struct()
                .name(name)
                .version(1)
                .field("order_id", Schema.STRING_SCHEMA)
                .field("user_id", Schema.STRING_SCHEMA)
                .field("product_id", Schema.STRING_SCHEMA)
                .field("qty", Schema.INT32_SCHEMA)
                .field("unit_price", Schema.INT64_SCHEMA)
                .field("total_price", Schema.INT64_SCHEMA);
    }

    /** A record of {@code schema} with what every order says; the caller puts its status (and decision) after. */
    public static Struct order(Schema schema, OrderContent order) {
        return new Struct(schema)
                .put("order_id", order.orderId().toString())
                .put("user_id", order.userId())
                .put("product_id", order.productId())
                .put("qty", order.qty())
                .put("unit_price", order.unitPrice())
                .put("total_price", order.totalPrice())
                .put("created_at", Date.from(order.createdAt()));
    }
}
