package io.github.ordersync.connectguard;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Lets through only records the shared {@code orders} table can hold as they are, so that the sink never writes
 * a wrong value and never fails its task on one bad record. A record that does not fit throws a
 * {@link DataException} naming the field; with {@code errors.tolerance=all} Connect puts it on the connector's
 * dead-letter topic with that reason in its headers and goes on with the next record.
 *
 * <p>Why this is needed: JsonConverter turns {@code "qty":"abc"} under an int32 schema into 0 without a word,
 * and the JDBC sink fails its whole task on a value the database refuses (a 10,000-character product id, a column
 * the table does not have). The columns below mirror {@code connect-config/mydb-schema.sql}.
 */
public class OrderRowGuard<R extends ConnectRecord<R>> implements Transformation<R> {

    private enum Kind {
        TEXT,
        INT32,
        INT64,
        TIMESTAMP
    }

    private record Column(Kind kind, int maxLength, boolean required) {}

    private static final Map<String, Column> COLUMNS = Map.of(
            "order_id", new Column(Kind.TEXT, 36, true),
            "user_id", new Column(Kind.TEXT, 64, true),
            "product_id", new Column(Kind.TEXT, 64, true),
            "qty", new Column(Kind.INT32, 0, true),
            "unit_price", new Column(Kind.INT64, 0, true),
            "total_price", new Column(Kind.INT64, 0, true),
            "status", new Column(Kind.TEXT, 16, false),
            "reason", new Column(Kind.TEXT, 255, false),
            "created_at", new Column(Kind.TIMESTAMP, 0, true),
            "decided_at", new Column(Kind.TIMESTAMP, 0, false));

    @Override
    public R apply(R record) {
        if (!(record.value() instanceof Struct row)) {
            throw new DataException("Not an order row: the value is "
                    + (record.value() == null
                            ? "empty"
                            : "a " + record.value().getClass().getSimpleName()));
        }
        for (Field field : row.schema().fields()) {
            Column column = COLUMNS.get(field.name());
            if (column == null) {
                throw new DataException("Field '" + field.name() + "' is not a column of the orders table");
            }
            if (kindOf(field.schema()) != column.kind()) {
                throw new DataException("Field '" + field.name() + "' must be " + column.kind() + ", is "
                        + field.schema().type());
            }
        }
        COLUMNS.forEach((name, column) -> check(row, name, column));
        return record;
    }

    private static void check(Struct row, String name, Column column) {
        Object value = row.schema().field(name) == null ? null : row.get(name);
        if (value == null) {
            if (column.required()) {
                throw new DataException("Field '" + name + "' is missing");
            }
            return;
        }
        boolean fits = switch (column.kind()) {
            case TEXT -> !((String) value).isBlank() && ((String) value).length() <= column.maxLength();
            // a wrong-typed JSON value arrives here as 0: every quantity, price and time is positive
            case INT32, INT64 -> ((Number) value).longValue() > 0;
            case TIMESTAMP -> ((Date) value).getTime() > 0;
        };
        if (!fits) {
            throw new DataException("Field '" + name + "' does not fit the orders table: "
                    + switch (column.kind()) {
                        case TEXT -> "1-" + column.maxLength() + " characters expected";
                        case INT32, INT64 -> "a positive number expected, was " + value;
                        case TIMESTAMP -> "a time after 1970 expected";
                    });
        }
    }

    private static Kind kindOf(Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return Kind.TIMESTAMP;
        }
        return switch (schema.type()) {
            case STRING -> Kind.TEXT;
            case INT32 -> Kind.INT32;
            case INT64 -> Kind.INT64;
            default -> null;
        };
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
}
