package io.github.ordersync.benchmarks;

import io.github.ordersync.localstack.DatabaseAccount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Notes when each order's decided row appears in the shared table. It looks only for orders whose outcome was
 * already published (a decided row cannot come earlier), by primary key, every 10 ms: the orders looked for are
 * the few the sink has not written yet, not every order of the phase. Under overload a poll looks for at most
 * {@value #MAX_PER_POLL} orders, the oldest first.
 */
final class RowWatcher implements AutoCloseable {

    private static final int CHUNK = 500;
    private static final int MAX_PER_POLL = 2_000;

    private final Connection connection;
    private final Supplier<List<String>> decided;
    private final List<String> awaiting = new ArrayList<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile int awaitingCount;

    /** @param decided order ids whose outcome was published since the last call */
    RowWatcher(String jdbcUrl, DatabaseAccount account, Supplier<List<String>> decided) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, account.user(), account.password());
        this.decided = decided;
        this.poller = new Thread(this::poll, "watch-orders");
        poller.start();
    }

    /** When the order's decided row was first seen ({@link System#nanoTime()}), or null. */
    Long seen(String orderId) {
        return seen.get(orderId);
    }

    int awaiting() {
        return awaitingCount;
    }

    private void poll() {
        while (running) {
            awaiting.addAll(decided.get());
            int upTo = Math.min(awaiting.size(), MAX_PER_POLL);
            List<String> found = new ArrayList<>();
            for (int from = 0; from < upTo; from += CHUNK) {
                found.addAll(query(awaiting.subList(from, Math.min(upTo, from + CHUNK))));
            }
            long now = System.nanoTime();
            found.forEach(id -> seen.putIfAbsent(id, now));
            awaiting.removeAll(new java.util.HashSet<>(found));
            awaitingCount = awaiting.size();
            Pauses.brief();
        }
    }

    private List<String> query(List<String> ids) {
        String sql = "SELECT order_id FROM orders WHERE status <> 'PENDING' AND order_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Watching rows failed: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        poller.join();
        connection.close();
    }
}
