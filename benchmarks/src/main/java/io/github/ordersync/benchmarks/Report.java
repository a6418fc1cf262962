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

/**
 * Writes a run's results as docs/benchmarks.md, docs/benchmarks.json and docs/benchmarks-latency.png. The part of
 * benchmarks.md after {@link #BY_HAND} is the reading of the figures, written by hand and kept by every run.
 */
final class Report {

    static final String BY_HAND = "<!-- Written by hand below this line; ./run-benchmarks.sh keeps it. -->";

    private Report() {}

    static String markdown(Results r, Map<String, Object> machine, Instant date, Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Every component on one machine (see the end), measured in one run by `./run-benchmarks.sh`. ")
                .append("An order event is ")
                .append(r.eventSize())
                .append(" B, an `OrderPlaced` envelope as order-service's serializer writes it. How the figures are ")
                .append("made, what they mean and what would move them: [below](#reading-the-figures).\n\n");
        targets(md, r);
        stages(md, r);
        sustained(md, r);
        phases(md, "Latency below capacity", r.belowCapacity());
        md.append("\n## Scaled out on this machine\n\nTwo catalog-service instances in one consumer group, the sink ")
                .append("with `tasks.max=3` (see [scaling out](scaling-out.md)):\n\n");
        phaseTable(md, List.of(r.scaledOut()));
        md.append("\n## JVM flags and observability\n\nBoth services started afresh with each setting, warmed up at ")
                .append("300 orders/s for 45 s, then run at 300 and 600 orders/s: what a user sees a minute after ")
                .append("start. CPU per order: the service's own, and every process's.\n\n");
        md.append("| services | settings | rate | p99 201 | p99 decided | p99 row | order-service CPU/order ")
                .append(
                        "| catalog-service CPU/order | machine CPU/order | exact |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Results.Variant variant : r.variants()) {
            for (Results.Phase phase : variant.phases()) {
                md.append(f(
                        "| %s | %s | %,d/s | %s | %s | %s | %s | %s | %s | %s |\n",
                        variant.name(),
                        variant.settings(),
                        phase.rate(),
                        ms(phase.load().latencies().percentileMillis(99)),
                        ms(phase.decided().percentileMillis(99)),
                        rowP99(phase),
                        micros(phase.cpuMicrosPerOrder().get("order-service")),
                        micros(phase.cpuMicrosPerOrder().get("catalog-service")),
                        micros(phase.machineCpuMicrosPerOrder()),
                        yes(phase.exact())));
            }
        }
        profiles(md, r);
        md.append("\n![Latency distribution](benchmarks-latency.png)\n\n");
        md.append("## Machine and command\n\n");
        md.append(f(
                "Load average at the end: %.2f (2 cores: above 2, other work shared them).\n\n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        machineAndCommand(md, machine, date, r.options(), took);
        md.append("\nRaw figures: [benchmarks.json](benchmarks.json).\n\n");
        return md.toString();
    }

    /** docs/benchmarks-formats.md: written whole by {@code ./run-benchmarks.sh --formats}. */
    static String formatsMarkdown(FormatResults r, Map<String, Object> machine, Instant date, Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("# Record formats compared\n\n")
                .append("The JSON envelope (the default) against Avro with the schema registry ")
                .append("([registry mode](registry.md)), measured side by side in one run by ")
                .append("`./run-benchmarks.sh --formats` on one stack that runs the registry. Written whole by that ")
                .append("command; the full benchmark is in [benchmarks.md](benchmarks.md).\n\n")
                .append("| | envelope | Avro |\n|---|---|---|\n")
                .append(f(
                        "| one placed order on the wire, as order-service's serializer writes it | %,d B | %,d B "
                                + "(%.1f × smaller) |\n",
                        r.envelopeBytes(), r.avroBytes(), (double) r.envelopeBytes() / r.avroBytes()));
        for (String stage :
                List.of("sink writing placed orders", "catalog-service deciding", "sink writing decisions")) {
            Results.Repeats envelope = stageOf(r.envelope(), stage);
            Results.Repeats avro = stageOf(r.avro(), stage);
            md.append(f(
                    "| %s, backlogs of %,d orders on 1,000 products (per s) | %s | %s (%.2f ×) |\n",
                    stage, r.envelope().orders(), rates(envelope), rates(avro), avro.median() / envelope.median()));
        }
        md.append(f(
                "\nEach stage drained alone, one backlog after another; the formats took turns, %d backlogs each: the "
                        + "median, and the lowest and highest in brackets. A drain's rate is taken over its second "
                        + "half, once the consumer is warm.\n\n",
                Results.REPEATS));
        md.append("## Machine and command\n\n");
        machineAndCommand(md, machine, date, r.options(), took);
        return md.toString();
    }

    /** The machine's facts, one per line, then the date and the command with how long it took. */
    private static void machineAndCommand(
            StringBuilder md, Map<String, Object> machine, Instant date, Options options, Duration took) {
        machine.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("- date: ")
                .append(date.truncatedTo(ChronoUnit.SECONDS))
                .append("\n- command: `")
                .append(options.commandLine())
                .append("` (took ")
                .append(took.toMinutes())
                .append(" min ")
                .append(took.toSecondsPart())
                .append(" s)\n");
    }

    private static Results.Repeats stageOf(Results.Drains drains, String stage) {
        return switch (stage) {
            case "sink writing placed orders" -> drains.sinkPlaced();
            case "catalog-service deciding" -> drains.catalog();
            default -> drains.sinkDecided();
        };
    }

    private static void targets(StringBuilder md, Results r) {
        md.append("## Targets, measured side by side\n\n| target | measured | met |\n|---|---|---|\n");
        md.append(f(
                "| ingress ≥ 70 %% of the no-op endpoint | %,.0f vs %,.0f req/s: %.0f %% | %s |\n",
                r.ingress().post().perSecond(),
                r.ingress().noop().perSecond(),
                100 * r.ingress().share(),
                yes(r.ingress().share() >= 0.7)));
        for (Results.Drains drains : r.drains()) {
            md.append(f(
                    "| catalog drain ≥ 1.0 × the sink's, %s | %,.0f vs %,.0f orders/s: %.2f × | %s |\n",
                    drains.backlog(),
                    drains.catalog().median(),
                    drains.sinkPlaced().median(),
                    drains.catalogOverSink(),
                    yes(drains.catalogOverSink() >= 1.0)));
        }
        double ofBound = r.sustained().maxRate() / r.bound().perSecond();
        md.append(f(
                "| pipeline max ≥ 0.7 × the machine's bound | %,d vs %,.0f orders/s: %.2f × | %s |\n",
                r.sustained().maxRate(), r.bound().perSecond(), ofBound, yes(ofBound >= 0.7)));
        Results.Phase half = r.belowCapacity().size() > 1 ? r.belowCapacity().get(1) : null;
        if (half != null) {
            double stock = half.decided().percentileMillis(99);
            md.append(f(
                    "| at 50 %% of the max (%,d/s): p99 POST → stock ≤ 100 ms | %s | %s |\n",
                    half.rate(), ms(stock), yes(stock <= 100)));
            md.append(f(
                    "| at 50 %% of the max: p99 POST → decided row ≤ 250 ms | %s | %s |\n",
                    rowP99(half), yes(half.rowLate() == 0 && half.row().percentileMillis(99) <= 250)));
        }
        md.append('\n');
    }

    private static void stages(StringBuilder md, Results r) {
        md.append(f(
                "## Each stage alone\n\nEach stage measured %d times in turn: the median, and the lowest and highest "
                        + "in brackets. Closed loop: latencies and the load generator's CPU share of the median "
                        + "measurement.\n\n| stage | measured |\n|---|---|\n",
                Results.REPEATS));
        md.append(f(
                "| Kafka's `ProducerPerformance`, acks=all, %d B (the messaging limit; inside ingress and the catalog "
                        + "below), %,d records | %s records/s |\n",
                r.eventSize(), r.producer().records(), rates(r.producer().rates())));
        Results.Ingress ingress = r.ingress();
        md.append(f(
                "| ingress: POST /orders, %d connections, closed loop, nothing consuming | %s |\n",
                LoadGenerator.CLOSED_LOOP_CONNECTIONS, closedLoop(ingress.postRates(), ingress.post())));
        md.append(f(
                "| no-op endpoint of the same service (`/actuator/health/liveness`) | %s |\n",
                closedLoop(ingress.noopRates(), ingress.noop())));
        for (Results.CrossCheck check : ingress.crossChecks()) {
            md.append(f(
                    "| cross-check with `%s`, 64 connections, after ours: POST, no-op | %,.0f req/s, %,.0f req/s |\n",
                    check.tool(), check.postPerSecond(), check.noopPerSecond()));
        }
        md.append(f(
                "| POST /orders once more with ours, after the cross-checks (JFR recording) | %s |\n",
                closedLoop(new Results.Repeats(List.of(ingress.postAgain().perSecond())), ingress.postAgain())));
        for (Results.Drains drains : r.drains()) {
            md.append(f(
                    "| backlogs of %,d orders on %s: sink writing placed orders, catalog-service deciding, sink "
                            + "writing decisions | %s rows/s, %s orders/s, %s rows/s |\n",
                    drains.orders(),
                    drains.backlog(),
                    rates(drains.sinkPlaced()),
                    rates(drains.catalog()),
                    rates(drains.sinkDecided())));
        }
        Results.Bound bound = r.bound();
        md.append(f(
                "\n**The machine's bound for an order**, every stage sharing the same cores: 1 / (1/%,.0f + 1/%,.0f + "
                        + "1/%,.0f + 1/%,.0f) = **%,.0f orders/s** (ingress, catalog, the sink's two records; the "
                        + "drains on 1,000 products).\n\n",
                bound.ingress(), bound.catalog(), bound.sinkPlaced(), bound.sinkDecided(), bound.perSecond()));
    }

    private static void sustained(StringBuilder md, Results r) {
        md.append(f("## Maximum sustained rate: %,d orders/s", r.sustained().maxRate()))
                .append(
                        r.sustained().failedRate() > 0
                                ? f(" (%,d failed)", r.sustained().failedRate())
                                : "")
                .append("\n\nThe highest rate at which, over a phase of ")
                .append(r.options().seconds())
                .append(" s in open loop on 1,000 products, p99 POST → decided row stays ≤ 1 s and no order fails, ")
                .append("is lost or changes stock twice; bisected to ± 5 %.\n\n");
        phaseTable(md, r.sustained().trials());
    }

    private static void phases(StringBuilder md, String title, List<Results.Phase> phases) {
        md.append("\n## ").append(title).append("\n\n");
        if (phases.isEmpty()) {
            md.append("No rate was sustained.\n");
            return;
        }
        md.append("p50 / p99 / p99.9 from when each POST was due. Cores busy: all of the machine's, during the load; ")
                .append("machine CPU per order: every process, load and drain.\n\n")
                .append("| phase | rate | 201 | stock decided | decided row | cores busy | machine CPU/order ")
                .append("| load generator CPU |\n|---|---|---|---|---|---|---|---|\n");
        for (Results.Phase phase : phases) {
            md.append(f(
                    "| %s | %,d/s | %s | %s | %s | %.0f %% | %s | %.1f %% |\n",
                    phase.label(),
                    phase.rate(),
                    percentiles(phase.load().latencies()),
                    percentiles(phase.decided()),
                    percentiles(phase.row()),
                    100 * phase.machineBusy(),
                    micros(phase.machineCpuMicrosPerOrder()),
                    100 * phase.load().generatorCpuShare()));
        }
    }

    private static void phaseTable(StringBuilder md, List<Results.Phase> phases) {
        md.append("| phase | rate | accepted | failed | p99 201 | p99 decided | p99 row | rows late (> 10 s) | lost ")
                .append("| doubled | cores busy | sustained |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Results.Phase phase : phases) {
            md.append(f(
                    "| %s | %,d/s | %,d | %,d | %s | %s | %s | %,d | %,d | %,d | %.0f %% | %s |\n",
                    phase.label(),
                    phase.rate(),
                    phase.load().ok(),
                    phase.load().failed(),
                    ms(phase.load().latencies().percentileMillis(99)),
                    ms(phase.decided().percentileMillis(99)),
                    rowP99(phase),
                    phase.rowLate(),
                    phase.lost(),
                    phase.doubled(),
                    100 * phase.machineBusy(),
                    yes(phase.sustained())));
        }
    }

    private static void profiles(StringBuilder md, Results r) {
        md.append("\n## Where the CPU goes\n\nJFR execution samples (settings=default) of the stage's JVM while it ")
                .append("worked: the methods on top of the stack, and the first library or project package under ")
                .append("them.\n");
        r.profiles().values().forEach(profile -> {
            md.append("\n**")
                    .append(profile.stage())
                    .append("** (")
                    .append(f("%,d", profile.samples()))
                    .append(" samples)\n\n");
            md.append("| top method | share | | package asking | share |\n|---|---|---|---|---|\n");
            int rows = Math.max(profile.topMethods().size(), profile.byPackage().size());
            for (int i = 0; i < rows; i++) {
                md.append("| ")
                        .append(cell(profile.topMethods(), i, true))
                        .append(" | ")
                        .append(cell(profile.topMethods(), i, false))
                        .append(" | | ")
                        .append(cell(profile.byPackage(), i, true))
                        .append(" | ")
                        .append(cell(profile.byPackage(), i, false))
                        .append(" |\n");
            }
        });
    }

    /** Row {@code i} of a profile column: the name in code style or its share; empty past the column's end. */
    private static String cell(List<Map.Entry<String, Double>> column, int i, boolean name) {
        if (i >= column.size()) {
            return "";
        }
        return name
                ? "`" + column.get(i).getKey() + "`"
                : f("%.1f %%", column.get(i).getValue());
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
        Path doc = docs.resolve("benchmarks.md");
        String byHand = "";
        if (Files.exists(doc)) {
            String existing = Files.readString(doc);
            int at = existing.indexOf(BY_HAND);
            byHand = at < 0 ? "" : existing.substring(at);
        }
        Files.writeString(doc, markdown(r, machine, date, took) + (byHand.isEmpty() ? BY_HAND + "\n" : byHand));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date.toString());
        json.put("command", r.options().commandLine());
        json.put("tookSeconds", took.toSeconds());
        json.put("machine", machine);
        json.put("eventSizeBytes", r.eventSize());
        json.put(
                "producer",
                Map.of(
                        "records", r.producer().records(),
                        "perSecond", r.producer().rates().perSecond(),
                        "medianSummary", r.producer().summary()));
        json.put(
                "ingress",
                Map.of(
                        "posts",
                        r.ingress().posts().stream().map(Report::outcome).toList(),
                        "postAgain",
                        outcome(r.ingress().postAgain()),
                        "noops",
                        r.ingress().noops().stream().map(Report::outcome).toList(),
                        "share",
                        r.ingress().share(),
                        "crossChecks",
                        r.ingress().crossChecks()));
        json.put("drains", r.drains().stream().map(Report::drains).toList());
        json.put("bound", Map.of("perSecond", r.bound().perSecond(), "stages", r.bound()));
        json.put(
                "sustained",
                Map.of(
                        "maxRate", r.sustained().maxRate(),
                        "failedRate", r.sustained().failedRate(),
                        "trials",
                                r.sustained().trials().stream()
                                        .map(Report::phase)
                                        .toList()));
        json.put("belowCapacity", r.belowCapacity().stream().map(Report::phase).toList());
        json.put("scaledOut", phase(r.scaledOut()));
        json.put(
                "variants",
                r.variants().stream()
                        .map(v -> Map.of(
                                "name", v.name(),
                                "settings", v.settings(),
                                "phases", v.phases().stream().map(Report::phase).toList()))
                        .toList());
        json.put("profiles", r.profiles());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(docs.resolve("benchmarks.json").toFile(), json);
        Map<String, Latencies> series = new LinkedHashMap<>();
        series.put("POST, closed loop", r.ingress().post().latencies());
        series.put("no-op, closed loop", r.ingress().noop().latencies());
        if (r.belowCapacity().size() > 1) {
            Results.Phase half = r.belowCapacity().get(1);
            series.put("POST, " + half.rate() + "/s", half.load().latencies());
            series.put("POST → stock decided", half.decided());
            series.put("POST → decided row", half.row());
        }
        LatencyChart.write(
                "Latency, " + date.truncatedTo(ChronoUnit.SECONDS), series, docs.resolve("benchmarks-latency.png"));
    }

    private static Map<String, Object> drains(Results.Drains drains) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("backlog", drains.backlog());
        map.put("orders", drains.orders());
        map.put("sinkPlacedPerSecond", drains.sinkPlaced().perSecond());
        map.put("catalogPerSecond", drains.catalog().perSecond());
        map.put("sinkDecidedPerSecond", drains.sinkDecided().perSecond());
        return map;
    }

    private static Map<String, Object> phase(Results.Phase phase) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", phase.label());
        map.put("rate", phase.rate());
        map.put("load", outcome(phase.load()));
        map.put("decided", phase.decided().summary());
        map.put("row", phase.row().summary());
        map.put("rowLate", phase.rowLate());
        map.put("lost", phase.lost());
        map.put("doubled", phase.doubled());
        map.put("cpuMicrosPerOrder", phase.cpuMicrosPerOrder());
        map.put("machineBusy", phase.machineBusy());
        map.put("machineCpuMicrosPerOrder", phase.machineCpuMicrosPerOrder());
        map.put("sustained", phase.sustained());
        return map;
    }

    private static Map<String, Object> outcome(LoadGenerator.Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", outcome.ok());
        map.put("failed", outcome.failed());
        map.put("seconds", outcome.seconds());
        map.put("perSecond", outcome.perSecond());
        map.put("connections", outcome.connections());
        map.put("generatorCpuShare", outcome.generatorCpuShare());
        map.put("latency", outcome.latencies().summary());
        return map;
    }

    /** The median and, where measured more than once, the lowest and highest: "1,234 (1,100–1,300)". */
    static String rates(Results.Repeats rates) {
        return rates.perSecond().size() == 1
                ? f("%,.0f", rates.median())
                : f("%,.0f (%,.0f–%,.0f)", rates.median(), rates.min(), rates.max());
    }

    private static String closedLoop(Results.Repeats rates, LoadGenerator.Outcome outcome) {
        return f(
                "%s req/s; p50/p99/p99.9 %s; %,d failed; load generator %.1f %% of the CPU",
                rates(rates), percentiles(outcome.latencies()), outcome.failed(), 100 * outcome.generatorCpuShare());
    }

    private static String rowP99(Results.Phase phase) {
        return phase.rowLate() > 0
                ? f("> 10 s (%,d late)", phase.rowLate())
                : ms(phase.row().percentileMillis(99));
    }

    private static long memoryBytes() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return Long.parseLong(lines.get(0).replaceAll("\\D", "")) * 1024;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().maxMemory();
        }
    }

    private static String percentiles(Latencies latencies) {
        return ms(latencies.percentileMillis(50)) + " / " + ms(latencies.percentileMillis(99)) + " / "
                + ms(latencies.percentileMillis(99.9));
    }

    private static String micros(Double micros) {
        return micros == null ? "" : f("%,.0f µs", micros);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }

    private static String ms(double ms) {
        return ms < 10 ? f("%.1f ms", ms) : f("%,.0f ms", ms);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
