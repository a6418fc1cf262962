package io.github.ordersync.benchmarks;

import java.util.List;

/** Everything one run measured. */
record Results(
        Options options,
        int eventSize,
        Producer producer,
        Backlog.Drain sink,
        Backlog.Drain catalog,
        HttpLoad.Outcome ingress,
        HttpLoad.Outcome noop,
        FixedRate fixedRate,
        Sustained sustained) {

    /** (a) Kafka's ProducerPerformance: its summary line and the records/s in it. */
    record Producer(long records, double perSecond, String summary) {}

    /** (e) an open-loop load at a fixed rate and the two latencies it produced. */
    record FixedRate(
            int rate,
            HttpLoad.Outcome load,
            Latencies stockApplied,
            Latencies rowPersisted,
            int notApplied,
            int notPersisted) {}

    /** (f) the highest rate that passed, and every rate tried. */
    record Sustained(int maxRate, List<Trial> trials, long lost, long doubled) {}

    /** One rate tried in (f). */
    record Trial(int rate, long ok, long failed, double seconds, int late, long lost, long doubled, boolean passed) {}
}
