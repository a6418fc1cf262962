package io.github.ordersync.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's results as docs/benchmarks.md (table, machine, command, date) and docs/benchmarks.json. */
final class Report {

    private Report() {}

    static String markdown(Results r, Map<String, Object> machine, Instant date, Duration took) {
        double ratio = r.catalog().perSecond() / r.sink().perSecond();
        double ingressShare = r.ingress().perSecond() / r.noop().perSecond();
        double ingressP99 = r.ingress().latencies().percentileMillis(99);
        Results.FixedRate e = r.fixedRate();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("The pipeline measured against its physical limits, in one run on one machine, with one event ")
                .append("size: ")
                .append(r.eventSize())
                .append(" B (an `OrderPlaced` envelope as order-service's serializer writes it).\n\n")
                .append("| | measured | target | met |\n|---|---|---|---|\n");
        row(
                md,
                "(a) messaging limit: Kafka `ProducerPerformance`, acks=all, " + r.eventSize() + " B",
                f("%,.0f records/s", r.producer().perSecond()) + " ("
                        + f("%,d", r.producer().records()) + " records)",
                "",
                "");
        row(
                md,
                "(b) sink limit: Debezium JDBC sink alone draining a backlog into MariaDB",
                f("%,.0f rows/s", r.sink().perSecond()) + " ("
                        + f("%,d", r.sink().rows()) + " rows)",
                "",
                "");
        row(
                md,
                "(c) catalog drain: catalog-service alone, stock update + idempotency record + outcome per order",
                f("%,.0f orders/s", r.catalog().perSecond()) + f("; (c)/(b) = %.2f", ratio),
                "(c)/(b) ≥ 0.7",
                met(ratio >= 0.7));
        row(
                md,
                "(d) ingress: POST /orders, " + HttpLoad.CONNECTIONS + " keep-alive connections",
                f("%,.0f orders/s", r.ingress().perSecond()) + "; p50/p99/p99.9 "
                        + percentiles(r.ingress().latencies()) + "; "
                        + f("%,d", r.ingress().failed()) + " failed",
                "≥ 5,000/s, p99 ≤ 25 ms",
                met(r.ingress().perSecond() >= 5_000 && ingressP99 <= 25));
        row(
                md,
                "(d) no-op endpoint of the same service (`/actuator/health/liveness`)",
                f("%,.0f req/s", r.noop().perSecond()) + "; p50/p99/p99.9 "
                        + percentiles(r.noop().latencies()) + f("; ingress is %.0f %% of it", 100 * ingressShare),
                "ingress ≥ 50 % of it",
                met(ingressShare >= 0.5));
        row(
                md,
                "(e) POST → stock applied, at " + f("%,d", e.rate()) + " orders/s for "
                        + r.options().seconds() + " s",
                "p50 " + ms(e.stockApplied().percentileMillis(50)) + ", p99 "
                        + ms(e.stockApplied().percentileMillis(99)) + notSeen(e.notApplied()),
                "p99 ≤ 100 ms",
                met(e.notApplied() == 0 && e.stockApplied().percentileMillis(99) <= 100));
        row(
                md,
                "(e) POST → row in the shared table",
                "p50 " + ms(e.rowPersisted().percentileMillis(50)) + ", p99 "
                        + ms(e.rowPersisted().percentileMillis(99)) + notSeen(e.notPersisted()),
                "p99 ≤ 1 s",
                met(e.notPersisted() == 0 && e.rowPersisted().percentileMillis(99) <= 1_000));
        row(
                md,
                "(f) max sustained rate, " + r.options().seconds() + " s, all applied and persisted ≤ 5 s after",
                f("%,d orders/s", r.sustained().maxRate()) + "; lost "
                        + r.sustained().lost() + ", doubled " + r.sustained().doubled(),
                "≥ 3,000/s, zero lost or doubled",
                met(r.sustained().maxRate() >= 3_000
                        && r.sustained().lost() == 0
                        && r.sustained().doubled() == 0));
        md.append("\n(e) in open loop: each latency counts from when the request was due, so queueing in the ")
                .append("client is not hidden. Rows are seen by polling every 10 ms.\n\n");
        md.append(
                        "(f) rates tried:\n\n| rate | accepted | failed | seconds | late after 5 s | lost | doubled | passed |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Results.Trial trial : r.sustained().trials()) {
            md.append(f(
                    "| %,d | %,d | %,d | %.1f | %,d | %d | %d | %s |\n",
                    trial.rate(),
                    trial.ok(),
                    trial.failed(),
                    trial.seconds(),
                    trial.late(),
                    trial.lost(),
                    trial.doubled(),
                    trial.passed() ? "yes" : "no"));
        }
        md.append("\n![Latency distribution](benchmarks-latency.png)\n\n");
        md.append("## Machine and command\n\n");
        md.append(f(
                "Every component runs on this one machine; a load average well above the cores means other work "
                        + "shared them and the figures are low. Load average at the end: %.2f.\n\n",
                loadAverage()));
        machine.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("- date: ")
                .append(date.truncatedTo(ChronoUnit.SECONDS))
                .append('\n')
                .append("- command: `")
                .append(r.options().commandLine())
                .append("` (took ")
                .append(took.toMinutes())
                .append(" min ")
                .append(took.toSecondsPart())
                .append(" s)\n");
        md.append("\nRaw figures: [benchmarks.json](benchmarks.json).\n");
        return md.toString();
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("RAM", f("%.1f GB", memoryBytes() / 1e9));
        machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put(
                "OS",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        machine.put(
                "load average at start",
                f("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return machine;
    }

    static void write(Results r, Map<String, Object> machine, Instant date, Duration took, Path docs)
            throws IOException {
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("benchmarks.md"), markdown(r, machine, date, took));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date.toString());
        json.put("command", r.options().commandLine());
        json.put("tookSeconds", took.toSeconds());
        json.put("machine", machine);
        json.put("eventSizeBytes", r.eventSize());
        json.put("a_producer", r.producer());
        json.put("b_sink", drain(r.sink()));
        json.put("c_catalog", drain(r.catalog()));
        json.put("c_over_b", r.catalog().perSecond() / r.sink().perSecond());
        json.put("d_ingress", outcome(r.ingress()));
        json.put("d_noop", outcome(r.noop()));
        Results.FixedRate e = r.fixedRate();
        json.put(
                "e_fixedRate",
                Map.of(
                        "rate", e.rate(),
                        "load", outcome(e.load()),
                        "stockApplied", e.stockApplied().summary(),
                        "rowPersisted", e.rowPersisted().summary(),
                        "notApplied", e.notApplied(),
                        "notPersisted", e.notPersisted()));
        json.put("f_sustained", r.sustained());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(docs.resolve("benchmarks.json").toFile(), json);
        LatencyChart.write(
                "Latency, " + date.truncatedTo(ChronoUnit.SECONDS),
                orderedSeries(r),
                docs.resolve("benchmarks-latency.png"));
    }

    private static Map<String, Latencies> orderedSeries(Results r) {
        Map<String, Latencies> series = new LinkedHashMap<>();
        series.put("(d) POST, closed loop", r.ingress().latencies());
        series.put("(d) no-op endpoint", r.noop().latencies());
        series.put(
                "(e) POST, " + r.fixedRate().rate() + "/s", r.fixedRate().load().latencies());
        series.put("(e) POST → stock applied", r.fixedRate().stockApplied());
        series.put("(e) POST → row persisted", r.fixedRate().rowPersisted());
        return series;
    }

    private static Map<String, Object> drain(Backlog.Drain drain) {
        return Map.of("rows", drain.rows(), "seconds", drain.seconds(), "perSecond", drain.perSecond());
    }

    private static Map<String, Object> outcome(HttpLoad.Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", outcome.ok());
        map.put("failed", outcome.failed());
        map.put("seconds", outcome.seconds());
        map.put("perSecond", outcome.perSecond());
        map.put("latency", outcome.latencies().summary());
        return map;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long memoryBytes() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return Long.parseLong(lines.get(0).replaceAll("\\D", "")) * 1024;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().maxMemory();
        }
    }

    private static void row(StringBuilder md, String what, String measured, String target, String met) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met)
                .append(" |\n");
    }

    private static String percentiles(Latencies latencies) {
        return ms(latencies.percentileMillis(50)) + " / " + ms(latencies.percentileMillis(99)) + " / "
                + ms(latencies.percentileMillis(99.9));
    }

    private static String notSeen(int missing) {
        return missing == 0 ? "" : f("; %,d never seen", missing);
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }

    private static String ms(double ms) {
        return ms < 10 ? f("%.1f ms", ms) : f("%,.0f ms", ms);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
