package io.github.ordersync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ordersync.connectguard.OrderRowGuard;
import io.github.ordersync.orderrules.StrictJsonConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each boundary of the shared orders table fed to the sink's guard and to the real table alike (MariaDB, the
 * project's DDL, the sink's own user): whatever the guard lets through, the table stores, so one record can never
 * fail the sink task; at the table's limits both refuse.
 */
class OrderTableBoundariesIT {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static MariaDb mariadb;
    private static DatabaseAccount sink;

    @BeforeAll
    static void startMariaDb() {
        Path dataDir = Path.of("target", "boundaries-it").toAbsolutePath();
        LocalStack.deleteData(dataDir);
        mariadb = MariaDb.start(Ports.free(), dataDir);
        sink = DatabaseAccount.ordersSink(Map.of());
        mariadb.prepare(MariaDb.read(ProjectLayout.root().resolve("connect-config/mydb-schema.sql")), Map.of());
    }

    @AfterAll
    static void stopMariaDb() {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                boundary("an ordinary decided order", row -> row, true),
                boundary("user id of 64 Hangul syllables", row -> row.put("user_id", "가".repeat(64)), true),
                boundary("user id of 65 Hangul syllables", row -> row.put("user_id", "가".repeat(65)), false),
                boundary("product id of 64 characters", row -> row.put("product_id", "P".repeat(64)), true),
                boundary("product id of 65 characters", row -> row.put("product_id", "P".repeat(65)), false),
                boundary(
                        "largest INT quantity",
                        row -> row.put("qty", Integer.MAX_VALUE)
                                .put("unit_price", 1L)
                                .put("total_price", (long) Integer.MAX_VALUE),
                        true),
                boundary(
                        "largest BIGINT price",
                        row -> row.put("qty", 1)
                                .put("unit_price", Long.MAX_VALUE)
                                .put("total_price", Long.MAX_VALUE),
                        true),
                boundary("reason of 255 characters", row -> row.put("reason", "r".repeat(255)), true),
                boundary("reason of 256 characters", row -> row.put("reason", "r".repeat(256)), false),
                boundary("a status the table does not know", row -> row.put("status", "SHIPPED"), false),
                boundary("created at the last DATETIME(3)", row -> row.put("created_at", Date.from(LATEST)), true),
                boundary(
                        "created after the last DATETIME(3)",
                        row -> row.put("created_at", Date.from(LATEST.plusMillis(1))),
                        false),
                boundary(
                        "decided after the last DATETIME(3)",
                        row -> row.put("decided_at", Date.from(LATEST.plusMillis(1))),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void theGuardLetsThroughOnlyWhatTheTableStores(String name, UnaryOperator<Struct> change, boolean fits) {
        Struct row = change.apply(decidedOrder());

        assertThat(guardAccepts(row)).as("the guard").isEqualTo(fits);
        assertThat(tableStores(row)).as("the table").isEqualTo(fits);
    }

    @Test
    void anOrderIsWrittenOnceAndItsDecisionNeverChanges() throws SQLException {
        String orderId = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(
                        mariadb.jdbcUrl(MariaDb.ORDERS_DATABASE), sink.user(), sink.password());
                PreparedStatement upsert = db.prepareStatement("INSERT INTO orders (order_id, user_id, product_id, qty,"
                        + " unit_price, total_price, status, created_at) VALUES (?, 'user-1', 'CATALOG-001', ?, 1500,"
                        + " ?, ?, NOW(3)) ON DUPLICATE KEY UPDATE qty = VALUES(qty),"
                        + " total_price = VALUES(total_price), status = VALUES(status)")) {
            for (Object[] write : new Object[][] {{1, "PENDING"}, {1, "CONFIRMED"}, {5, "PENDING"}, {5, "REJECTED"}}) {
                upsert.setString(1, orderId);
                upsert.setInt(2, (Integer) write[0]);
                upsert.setLong(3, 1500L * (Integer) write[0]);
                upsert.setString(4, (String) write[1]);
                upsert.executeUpdate();
            }
            try (ResultSet row = db.createStatement()
                    .executeQuery("SELECT qty, total_price, status FROM orders WHERE order_id = '" + orderId + "'")) {
                row.next();
                assertThat(row.getInt("qty")).isEqualTo(1);
                assertThat(row.getLong("total_price")).isEqualTo(1500L);
                assertThat(row.getString("status")).isEqualTo("CONFIRMED");
            }
        }
    }

    private static boolean guardAccepts(Struct row) {
        OrderRowGuard<SinkRecord> guard = new OrderRowGuard<>();
        guard.configure(Map.of("kind", "decided"));
        try {
            guard.apply(new SinkRecord("order-outcomes", 0, Schema.STRING_SCHEMA, "key", row.schema(), row, 0));
            return true;
        } catch (DataException refused) {
            return false;
        }
    }

    /** Inserts the row as the sink does: its own user, times as UTC wall-clock values. */
    private static boolean tableStores(Struct row) {
        try (Connection db = DriverManager.getConnection(
                        mariadb.jdbcUrl(MariaDb.ORDERS_DATABASE), sink.user(), sink.password());
                PreparedStatement insert = db.prepareStatement("INSERT INTO orders (order_id, user_id, product_id,"
                        + " qty, unit_price, total_price, status, reason, created_at, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.getString("order_id"));
            insert.setString(2, row.getString("user_id"));
            insert.setString(3, row.getString("product_id"));
            insert.setInt(4, row.getInt32("qty"));
            insert.setLong(5, row.getInt64("unit_price"));
            insert.setLong(6, row.getInt64("total_price"));
            insert.setString(7, row.getString("status"));
            insert.setString(8, row.getString("reason"));
            insert.setObject(9, utc((Date) row.get("created_at")));
            insert.setObject(10, utc((Date) row.get("decided_at")));
            return insert.executeUpdate() == 1;
        } catch (SQLException refused) {
            return false;
        }
    }

    private static LocalDateTime utc(Date time) {
        return LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC);
    }

    /** The golden decision of contracts/, as the sink's converter reads it, under a new order id. */
    private static Struct decidedOrder() {
        try {
            Struct golden = (Struct) StrictJsonConverter.forValues()
                    .toConnectData(
                            "order-outcomes",
                            Files.readAllBytes(ProjectLayout.root().resolve("contracts/order-decided.json")))
                    .value();
            return golden.put("order_id", UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments boundary(String name, UnaryOperator<Struct> change, boolean fits) {
        return Arguments.of(name, change, fits);
    }
}
