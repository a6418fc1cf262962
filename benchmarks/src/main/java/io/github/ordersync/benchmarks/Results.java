package io.github.ordersync.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Everything one run measured. */
record Results(
        Options options,
        int eventSize,
        Producer producer,
        Ingress ingress,
        List<Drains> drains,
        Bound bound,
        Sustained sustained,
        List<Phase> belowCapacity,
        Phase scaledOut,
        List<Variant> variants,
        Map<String, Profile> profiles) {

    /** How many times each stage is measured alone in a run; its figure is the median. */
    static final int REPEATS = 3;

    /**
     * The rates of one stage measured {@link #REPEATS} times in a run: the median is its figure, the range shows how
     * far apart the measurements were.
     */
    record Repeats(List<Double> perSecond) {

        Repeats {
            if (perSecond.isEmpty()) {
                throw new IllegalArgumentException("A stage measured no time");
            }
            perSecond = perSecond.stream().sorted().toList();
        }

        static <T> Repeats of(List<T> runs, ToDoubleFunction<T> rate) {
            return new Repeats(runs.stream().map(rate::applyAsDouble).toList());
        }

        /** The run whose rate is the median (the lower middle one of an even number). */
        static <T> T medianOf(List<T> runs, ToDoubleFunction<T> rate) {
            List<T> sorted =
                    runs.stream().sorted(Comparator.comparingDouble(rate)).toList();
            return sorted.get((sorted.size() - 1) / 2);
        }

        double median() {
            int middle = perSecond.size() / 2;
            return perSecond.size() % 2 == 1
                    ? perSecond.get(middle)
                    : (perSecond.get(middle - 1) + perSecond.get(middle)) / 2;
        }

        double min() {
            return perSecond.get(0);
        }

        double max() {
            return perSecond.get(perSecond.size() - 1);
        }
    }

    /** Kafka's ProducerPerformance, run {@link #REPEATS} times: the records/s of each, and the median run's summary. */
    record Producer(long records, Repeats rates, String summary) {

        double perSecond() {
            return rates.median();
        }
    }

    /**
     * POST /orders and the no-op endpoint in closed loop, each measured {@link #REPEATS} times in turn, with the
     * consumers of the orders topic stopped, so that ingress is measured alone; and the same two measured by Debian's
     * hey and wrk where installed.
     */
    record Ingress(
            List<LoadGenerator.Outcome> posts,
            LoadGenerator.Outcome postAgain,
            List<LoadGenerator.Outcome> noops,
            List<CrossCheck> crossChecks) {

        /** The POST measurement with the median rate. */
        LoadGenerator.Outcome post() {
            return Repeats.medianOf(posts, LoadGenerator.Outcome::perSecond);
        }

        /** The no-op measurement with the median rate. */
        LoadGenerator.Outcome noop() {
            return Repeats.medianOf(noops, LoadGenerator.Outcome::perSecond);
        }

        Repeats postRates() {
            return Repeats.of(posts, LoadGenerator.Outcome::perSecond);
        }

        Repeats noopRates() {
            return Repeats.of(noops, LoadGenerator.Outcome::perSecond);
        }

        double share() {
            return postRates().median() / noopRates().median();
        }
    }

    /** Another load generator's figures for the same two endpoints, each measured right after ours. */
    record CrossCheck(String tool, double postPerSecond, double noopPerSecond) {}

    /**
     * Backlogs of one kind, each drained by each stage alone: the sink writing placed orders, the catalog, the sink
     * writing decisions; one backlog of its own per repeat.
     */
    record Drains(String backlog, int orders, Repeats sinkPlaced, Repeats catalog, Repeats sinkDecided) {

        double catalogOverSink() {
            return catalog.median() / sinkPlaced.median();
        }
    }

    /**
     * The all-on-one-machine bound for an order: every stage takes its share of the same cores, so an order costs
     * the sum of 1/rate over the stages it passes, two sink records among them.
     */
    record Bound(double ingress, double catalog, double sinkPlaced, double sinkDecided) {

        double perSecond() {
            return 1 / (1 / ingress + 1 / catalog + 1 / sinkPlaced + 1 / sinkDecided);
        }
    }

    /** The highest rate that passed, the lowest that failed (0 if none), and every rate tried. */
    record Sustained(int maxRate, int failedRate, List<Phase> trials) {}

    /**
     * An open-loop phase at a fixed rate through the whole pipeline, with three latencies per order from when its
     * POST was due: the 201, the stock decision (its outcome on order-outcomes) and its decided row in the shared
     * table; the services' CPU time per order; the share of all cores busy during the load and the whole machine's
     * CPU per order (load and drain); and whether every order was decided and stored exactly once.
     */
    record Phase(
            String label,
            int rate,
            LoadGenerator.Outcome load,
            Latencies decided,
            Latencies row,
            long rowLate,
            long lost,
            long doubled,
            Map<String, Double> cpuMicrosPerOrder,
            double machineBusy,
            double machineCpuMicrosPerOrder) {

        /** Nothing failed, lost or doubled, and p99 POST → decided row ≤ 1 s (a row not seen in time counts as late). */
        boolean sustained() {
            long orders = load.ok();
            long overOneSecond = rowLate + row.countAbove(1_000);
            return load.failed() == 0 && lost == 0 && doubled == 0 && orders > 0 && overOneSecond <= orders / 100;
        }

        boolean exact() {
            return load.failed() == 0 && lost == 0 && doubled == 0;
        }
    }

    /** The same phases with other JVM flags or observability settings, on fresh service JVMs. */
    record Variant(String name, String settings, List<Phase> phases) {}

    /** The hottest methods of one stage's JVM, from a JFR recording of it at work. */
    record Profile(
            String stage,
            long samples,
            List<Map.Entry<String, Double>> topMethods,
            List<Map.Entry<String, Double>> byPackage) {}
}
