package io.github.ordersync.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ordersync.systemtests.Databases.OrderState;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The books of one fault scenario: the products it orders from with their initial stock, a watch that reads the
 * stock every 100 ms while the scenario runs, and the check of the invariants at its end.
 */
final class Ledger implements AutoCloseable {

    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(180);

    private final Databases db;
    private final Map<String, Integer> initialStock;
    private final AtomicInteger lowestStock = new AtomicInteger(Integer.MAX_VALUE);
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();

    private Ledger(Databases db, Map<String, Integer> initialStock) {
        this.db = db;
        this.initialStock = initialStock;
    }

    /** Creates the products with the given stock and starts watching it. */
    static Ledger open(Databases db, List<Integer> stocks) {
        Map<String, Integer> initial = new HashMap<>();
        stocks.forEach(stock -> initial.put(db.newProduct(stock, 100), stock));
        Ledger ledger = new Ledger(db, Map.copyOf(initial));
        ledger.watch.scheduleWithFixedDelay(ledger::observeStock, 0, 100, TimeUnit.MILLISECONDS);
        return ledger;
    }

    List<String> products() {
        return List.copyOf(initialStock.keySet());
    }

    /**
     * Waits until every accepted order is decided and in the shared table, then checks that nothing was lost or
     * doubled, and returns the scenario's line of the report.
     *
     * @param attempted the orders the clients tried to place (with and without a 201)
     */
    ReliabilityReport.Line settle(String scenario, List<OrderLoad.Placed> attempted) {
        Set<String> accepted = attempted.stream()
                .map(OrderLoad.Placed::orderId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        await("every accepted order decided and in the shared table")
                .atMost(SETTLED_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions() // a database may still be coming back
                .until(() -> finalIds(db.orderRows(products())).containsAll(accepted)
                        && ids(db.decisions(products())).containsAll(accepted));
        watch.shutdownNow();

        List<OrderState> rows = db.orderRows(products());
        List<OrderState> decisions = db.decisions(products());
        Map<String, Integer> finalStock = db.stocks(products());
        observe(finalStock);

        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(finalIds(rows));
        Set<String> withoutA201 = new HashSet<>(ids(rows));
        withoutA201.addAll(ids(decisions));
        withoutA201.removeAll(accepted);
        int confirmed = count(rows, "CONFIRMED");
        int rejected = count(rows, "REJECTED");
        int stockDrift = 0;
        int oversold = 0;
        for (String product : products()) {
            int initial = initialStock.get(product);
            stockDrift += Math.abs(initial - confirmedQty(rows, product) - finalStock.get(product));
            // from the catalog's decisions alone: holds even if the products table lost its CHECK (stock >= 0)
            oversold += Math.max(0, confirmedQty(decisions, product) - initial);
        }
        Set<String> decidedDifferently = rows.stream()
                .filter(row -> decisions.stream()
                        .noneMatch(decision -> decision.orderId().equals(row.orderId())
                                && decision.status().equals(row.status())))
                .map(OrderState::orderId)
                .collect(Collectors.toSet());

        ReliabilityReport.Line line = new ReliabilityReport.Line(
                scenario,
                attempted.size(),
                accepted.size(),
                confirmed,
                rejected,
                initialStock.values().stream().mapToInt(Integer::intValue).sum(),
                finalStock.values().stream().mapToInt(Integer::intValue).sum(),
                lost.size(),
                withoutA201.size() + stockDrift,
                lowestStock.get(),
                oversold);
        ReliabilityReport.add(line);

        assertThat(lost).as("orders with a 201 missing from the shared table").isEmpty();
        assertThat(withoutA201).as("orders that exist without a 201").isEmpty();
        assertThat(stockDrift)
                .as("stock = initial - sum of confirmed qty, per product")
                .isZero();
        assertThat(decidedDifferently)
                .as("the shared table agrees with the catalog's decisions")
                .isEmpty();
        assertThat(confirmed + rejected).isEqualTo(accepted.size());
        assertThat(rows).hasSize(accepted.size());
        assertThat(lowestStock.get()).as("lowest stock seen").isNotNegative();
        assertThat(oversold)
                .as("items confirmed beyond a product's initial stock")
                .isZero();
        return line;
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }

    private void observeStock() {
        try {
            observe(db.stocks(products()));
        } catch (RuntimeException databaseDown) {
            // a fault scenario may have stopped MariaDB: nothing to observe then
        }
    }

    private void observe(Map<String, Integer> stocks) {
        stocks.values().forEach(stock -> lowestStock.accumulateAndGet(stock, Math::min));
    }

    private static Set<String> finalIds(List<OrderState> rows) {
        return rows.stream()
                .filter(row -> !"PENDING".equals(row.status()))
                .map(OrderState::orderId)
                .collect(Collectors.toSet());
    }

    private static Set<String> ids(List<OrderState> rows) {
        return rows.stream().map(OrderState::orderId).collect(Collectors.toSet());
    }

    private static int confirmedQty(List<OrderState> rows, String product) {
        return rows.stream()
                .filter(row -> row.productId().equals(product) && "CONFIRMED".equals(row.status()))
                .mapToInt(OrderState::qty)
                .sum();
    }

    private static int count(List<OrderState> rows, String status) {
        return (int) rows.stream().filter(row -> status.equals(row.status())).count();
    }
}
