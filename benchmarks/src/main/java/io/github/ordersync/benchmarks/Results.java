package io.github.ordersync.benchmarks;

import java.util.List;
import java.util.Map;

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

    /** Kafka's ProducerPerformance: its summary line and the records/s in it. */
    record Producer(long records, double perSecond, String summary) {}

    /**
     * POST /orders and the no-op endpoint in closed loop, with the consumers of the orders topic stopped, so that
     * ingress is measured alone; and the same two measured by Debian's hey and wrk where installed.
     */
    record Ingress(
            LoadGenerator.Outcome post,
            LoadGenerator.Outcome postAgain,
            LoadGenerator.Outcome noop,
            List<CrossCheck> crossChecks) {

        double share() {
            return post.perSecond() / noop.perSecond();
        }
    }

    /** Another load generator's figures for the same two endpoints, each measured right after ours. */
    record CrossCheck(String tool, double postPerSecond, double noopPerSecond) {}

    /** One backlog drained by each stage alone: the sink writing placed orders, the catalog, the sink writing decisions. */
    record Drains(
            String backlog, int orders, Backlog.Drain sinkPlaced, Backlog.Drain catalog, Backlog.Drain sinkDecided) {

        double catalogOverSink() {
            return catalog.perSecond() / sinkPlaced.perSecond();
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
