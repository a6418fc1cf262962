package io.github.ordersync.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fault suite's table: one line per scenario, printed at the end and written to target/reliability.md. */
final class ReliabilityReport {

    /**
     * One scenario's books.
     *
     * @param doubled orders that exist without a 201, plus items of stock taken more or less than once
     * @param oversold items the catalog's decisions confirmed beyond a product's initial stock, counted from the
     *     decisions, not from the stock column (whose CHECK constraint keeps it from going below zero anyway)
     */
    record Line(
            String scenario,
            int placed,
            int accepted,
            int confirmed,
            int rejected,
            int initialStock,
            int finalStock,
            int lost,
            int doubled,
            int lowestStock,
            int oversold) {}

    private static final List<Line> LINES = new ArrayList<>();

    private ReliabilityReport() {}

    static synchronized void add(Line line) {
        LINES.add(line);
        System.out.println(header() + format(line));
    }

    /**
     * The line of a replay of every record, from the books of both databases before and after it: a replay must
     * change nothing, so any row or decision more or less is doubled or lost, and any quantity confirmed by the
     * replay beyond the stock that was left is oversold.
     */
    static Line replayed(String scenario, long records, Databases.Books before, Databases.Books after) {
        int oversold = 0;
        for (Map.Entry<String, Integer> product : before.stock().entrySet()) {
            int confirmedByTheReplay = after.confirmedQty().getOrDefault(product.getKey(), 0)
                    - before.confirmedQty().get(product.getKey());
            oversold += Math.max(0, confirmedByTheReplay - product.getValue());
        }
        return new Line(
                scenario,
                (int) records,
                after.rows(),
                after.confirmed(),
                after.rejected(),
                before.totalStock(),
                after.totalStock(),
                Math.max(0, before.rows() - after.rows()) + Math.max(0, before.decisions() - after.decisions()),
                Math.max(0, after.rows() - before.rows())
                        + Math.max(0, after.decisions() - before.decisions())
                        + Math.abs(before.totalStock() - after.totalStock()),
                Math.min(before.lowestStock(), after.lowestStock()),
                oversold);
    }

    static synchronized String table() {
        StringBuilder table = new StringBuilder(header());
        LINES.forEach(line -> table.append(format(line)));
        return table.toString();
    }

    static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the table between the {@code reliability-table} markers of each page with this run's, so that the
     * figures in the docs are those of the last complete run. Does nothing unless every scenario added its line.
     */
    static synchronized void publish(int scenarios, Path... pages) {
        if (LINES.size() != scenarios) {
            return;
        }
        for (Path page : pages) {
            try {
                String text = Files.readString(page);
                int start = text.indexOf(TABLE_START);
                int end = text.indexOf(TABLE_END);
                if (start < 0 || end < start) {
                    throw new IllegalStateException(page + " has no reliability-table markers");
                }
                int tableStart = text.indexOf('\n', start) + 1;
                Files.writeString(page, text.substring(0, tableStart) + table() + text.substring(end));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String TABLE_START = "<!-- reliability-table";
    private static final String TABLE_END = "<!-- /reliability-table -->";

    private static String header() {
        return """
                | Scenario | Orders placed | 201s | Confirmed | Rejected | Stock (initial → final) | Lowest stock seen | Oversold | Lost | Doubled |
                |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|
                """;
    }

    private static String format(Line line) {
        return "| %s | %d | %d | %d | %d | %d → %d | %d | %d | %d | %d |%n"
                .formatted(
                        line.scenario(),
                        line.placed(),
                        line.accepted(),
                        line.confirmed(),
                        line.rejected(),
                        line.initialStock(),
                        line.finalStock(),
                        line.lowestStock(),
                        line.oversold(),
                        line.lost(),
                        line.doubled());
    }
}
