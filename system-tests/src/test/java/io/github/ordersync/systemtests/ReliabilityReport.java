package io.github.ordersync.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fault suite's table: one line per scenario, printed at the end and written to target/reliability.md. */
final class ReliabilityReport {

    /**
     * One scenario's books.
     *
     * @param doubled orders that exist without a 201, plus items of stock taken more or less than once
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
            int lowestStock) {}

    private static final List<Line> LINES = new ArrayList<>();

    private ReliabilityReport() {}

    static synchronized void add(Line line) {
        LINES.add(line);
        System.out.println(header() + format(line));
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

    private static String header() {
        return """
                | Scenario | Orders placed | 201s | Confirmed | Rejected | Stock (initial → final) | Lowest stock seen | Lost | Doubled |
                |---|--:|--:|--:|--:|--:|--:|--:|--:|
                """;
    }

    private static String format(Line line) {
        return "| %s | %d | %d | %d | %d | %d → %d | %d | %d | %d |%n"
                .formatted(
                        line.scenario(),
                        line.placed(),
                        line.accepted(),
                        line.confirmed(),
                        line.rejected(),
                        line.initialStock(),
                        line.finalStock(),
                        line.lowestStock(),
                        line.lost(),
                        line.doubled());
    }
}
