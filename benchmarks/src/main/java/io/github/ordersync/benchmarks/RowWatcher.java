package io.github.ordersync.benchmarks;

import io.github.ordersync.localstack.DatabaseAccount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches a table for the rows of orders placed during a load phase and records, per order, the time from its
 * POST to the first poll that sees its row. Polls every 10 ms, so latencies are exact to about that.
 */
final class RowWatcher implements AutoCloseable {

    private static final int CHUNK = 500;

    private final String query;
    private final Connection connection;
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final Thread poller;
    private volatile boolean running = true;

    /**
     * @param condition SQL that the row must also meet, e.g. {@code status <> 'PENDING'}, or {@code TRUE}
     */
    RowWatcher(String jdbcUrl, DatabaseAccount account, String table, String condition) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, account.user(), account.password());
        this.query = "SELECT order_id FROM " + table + " WHERE (" + condition + ") AND order_id IN (";
        this.poller = new Thread(this::poll, "watch-" + table);
        poller.start();
    }

    /** Starts watching for this order, posted at {@code postedNanos} ({@link System#nanoTime()}). */
    void expect(UUID orderId, long postedNanos) {
        pending.put(orderId, postedNanos);
    }

    Latencies latencies() {
        return latencies;
    }

    /** Waits until every expected row is seen or the time is up; returns how many are still missing. */
    int awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Pauses.brief();
        }
        return pending.size();
    }

    private void poll() {
        while (running) {
            List<UUID> ids = new ArrayList<>(pending.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                seen(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            }
            Pauses.brief();
        }
    }

    private void seen(List<UUID> ids) {
        String sql = query + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i).toString());
            }
            try (ResultSet rows = statement.executeQuery()) {
                long now = System.nanoTime();
                while (rows.next()) {
                    Long posted = pending.remove(UUID.fromString(rows.getString(1)));
                    if (posted != null) {
                        latencies.recordNanos(now - posted);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Watching rows failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        poller.join();
        connection.close();
    }
}
