package io.github.ordersync.orderrules;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The one rule set for a record on the order topics: what catalog-service decides and what the JDBC sink stores
 * are the same records, refused for the same reason. A record passes only if the shared {@code orders} table can
 * hold it as it is (columns, types, lengths, ranges) and it says one consistent thing (an id in canonical form, the
 * total equal to quantity times price, a status its topic may carry).
 *
 * <p>Schemas may evolve the way Kafka Connect's JSON envelope allows without breaking either consumer: a producer
 * may add an optional field (catalog-service ignores it, the sink leaves it out, see {@link #columnsOnly}); a
 * required field added, or a required field missing, is refused with its name.
 *
 * <p>The columns mirror {@code connect-config/mydb-schema.sql}; {@code OrderRecordRulesTest} and the table
 * boundary test hold the two together.
 */
public final class OrderRecordRules {

    /**
     * The highest unit price, in the shop's smallest currency unit: what order-service accepts in an order and what
     * catalog-service may price a product at. With at most 1,000 items an order's total stays far inside a BIGINT.
     */
    public static final long MAX_UNIT_PRICE = 100_000_000L;

    /** Which topic a record came from: order-service's placed orders, or catalog-service's decisions. */
    public enum Kind {
        PLACED,
        DECIDED
    }

    /** The first instant a {@code DATETIME(3)} column holds after 1970, and the last one it holds at all. */
    static final Instant EARLIEST = Instant.ofEpochMilli(1);

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private enum Type {
        TEXT,
        INT32,
        INT64,
        TIMESTAMP
    }

    private record Column(Type type, int maxLength) {}

    private static final Map<String, Column> COLUMNS = columns();

    private static final Set<String> REQUIRED =
            Set.of("order_id", "user_id", "product_id", "qty", "unit_price", "total_price", "created_at");

    private OrderRecordRules() {}

    private static Map<String, Column> columns() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("order_id", new Column(Type.TEXT, 36));
        columns.put("user_id", new Column(Type.TEXT, 64));
        columns.put("product_id", new Column(Type.TEXT, 64));
        columns.put("qty", new Column(Type.INT32, 0));
        columns.put("unit_price", new Column(Type.INT64, 0));
        columns.put("total_price", new Column(Type.INT64, 0));
        columns.put("status", new Column(Type.TEXT, 16));
        columns.put("reason", new Column(Type.TEXT, 255));
        columns.put("created_at", new Column(Type.TIMESTAMP, 0));
        columns.put("decided_at", new Column(Type.TIMESTAMP, 0));
        return Map.copyOf(columns);
    }

    /**
     * Why the record cannot be accepted, or empty if it can.
     *
     * @param value the record's value as Kafka Connect's JsonConverter read it
     */
    public static Optional<String> violation(Object value, Kind kind) {
        if (!(value instanceof Struct record)) {
            return Optional.of(value == null ? "Record has no value" : "Record value is not an order");
        }
        for (Field field : record.schema().fields()) {
            Column column = COLUMNS.get(field.name());
            if (column == null) {
                if (field.schema().isOptional()) {
                    // added by a newer producer: catalog-service does not read it, the sink leaves it out
                    continue;
                }
                return Optional.of("Field '" + field.name()
                        + "' is not a column of the orders table; a field a producer adds must be optional");
            }
            if (typeOf(field.schema()) != column.type()) {
                return Optional.of("Field '" + field.name() + "' must be " + column.type() + ", is "
                        + field.schema().type());
            }
        }
        for (String name : REQUIRED) {
            if (get(record, name) == null) {
                return Optional.of("Field '" + name + "' is missing");
            }
        }
        return Optional.ofNullable(firstOf(
                order(record),
                kind == Kind.PLACED ? placed(record) : decided(record),
                text(record, "reason"),
                time(record, "created_at"),
                time(record, "decided_at")));
    }

    /**
     * The record with only the fields the {@code orders} table has columns for: what the sink writes. Optional
     * fields a newer producer added are left out; a record without any is returned as it is.
     */
    public static Struct columnsOnly(Struct record) {
        Schema schema = record.schema();
        if (schema.fields().stream().allMatch(field -> COLUMNS.containsKey(field.name()))) {
            return record;
        }
        SchemaBuilder columns = SchemaBuilder.struct().name(schema.name()).version(schema.version());
        if (schema.isOptional()) {
            columns.optional();
        }
        schema.fields().stream()
                .filter(field -> COLUMNS.containsKey(field.name()))
                .forEach(field -> columns.field(field.name(), field.schema()));
        Struct row = new Struct(columns.build());
        row.schema().fields().forEach(field -> row.put(field, record.get(field.name())));
        return row;
    }

    private static String order(Struct record) {
        String orderId = (String) get(record, "order_id");
        if (!Ids.isOrderId(orderId)) {
            return "order_id must be a UUID in canonical form (36 characters, lower-case), was '" + cut(orderId) + "'";
        }
        if (!Ids.isUserId((String) get(record, "user_id"))) {
            return "user_id " + Ids.USER_ID_MESSAGE + " (in Unicode normal form C)";
        }
        if (!Ids.isProductId((String) get(record, "product_id"))) {
            return "product_id " + Ids.PRODUCT_ID_MESSAGE;
        }
        int qty = (Integer) get(record, "qty");
        long unitPrice = (Long) get(record, "unit_price");
        long totalPrice = (Long) get(record, "total_price");
        if (qty < 1) {
            return "qty must be at least 1, was " + qty;
        }
        if (unitPrice < 1) {
            return "unit_price must be at least 1, was " + unitPrice;
        }
        long expected;
        try {
            expected = Math.multiplyExact(qty, unitPrice);
        } catch (ArithmeticException e) {
            return "qty x unit_price does not fit a BIGINT";
        }
        if (totalPrice != expected) {
            return "total_price must be qty x unit_price = " + expected + ", was " + totalPrice;
        }
        return null;
    }

    private static String placed(Struct record) {
        Object status = get(record, "status");
        if (status != null && !"PENDING".equals(status)) {
            return "status of a placed order must be PENDING, was '" + cut(status.toString()) + "'";
        }
        for (String decisionOnly : new String[] {"reason", "decided_at"}) {
            if (get(record, decisionOnly) != null) {
                return "Field '" + decisionOnly + "' does not belong to a placed order";
            }
        }
        return null;
    }

    private static String decided(Struct record) {
        Object status = get(record, "status");
        if (!"CONFIRMED".equals(status) && !"REJECTED".equals(status)) {
            return "status of a decided order must be CONFIRMED or REJECTED, was "
                    + (status == null ? "missing" : "'" + cut(status.toString()) + "'");
        }
        if (get(record, "decided_at") == null) {
            return "Field 'decided_at' is missing";
        }
        return null;
    }

    private static String text(Struct record, String name) {
        String value = (String) get(record, name);
        int maxLength = COLUMNS.get(name).maxLength();
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            return name + " must be at most " + maxLength + " characters";
        }
        return null;
    }

    private static String time(Struct record, String name) {
        Date value = (Date) get(record, name);
        if (value != null
                && (value.toInstant().isBefore(EARLIEST) || value.toInstant().isAfter(LATEST))) {
            return name + " must be after 1970-01-01 and at most " + LATEST + ", was " + value.getTime() + " ms";
        }
        return null;
    }

    private static Object get(Struct record, String name) {
        return record.schema().field(name) == null ? null : record.get(name);
    }

    private static Type typeOf(Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return Type.TIMESTAMP;
        }
        return switch (schema.type()) {
            case STRING -> Type.TEXT;
            case INT32 -> Type.INT32;
            case INT64 -> Type.INT64;
            default -> null;
        };
    }

    private static String firstOf(String... violations) {
        for (String violation : violations) {
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static String cut(String value) {
        return value == null ? "" : value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
