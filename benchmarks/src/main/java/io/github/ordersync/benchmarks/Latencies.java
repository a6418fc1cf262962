package io.github.ordersync.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, recorded from many threads, reported in milliseconds. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(Math.max(0, nanos / 1_000), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** How many values were above {@code millis}. */
    long countAbove(double millis) {
        long micros = (long) (millis * 1_000);
        return histogram.getTotalCount() - histogram.getCountBetweenValues(0, micros);
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** p50/p99/p99.9/max in milliseconds, for the report. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", percentileMillis(50));
        summary.put("p99Ms", percentileMillis(99));
        summary.put("p999Ms", percentileMillis(99.9));
        summary.put("maxMs", histogram.getMaxValue() / 1_000.0);
        return summary;
    }

    /** (percentile, ms) points of the distribution, for the chart. */
    double[][] distribution() {
        double[] percentiles = {0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99, 100};
        double[][] points = new double[percentiles.length][];
        for (int i = 0; i < percentiles.length; i++) {
            points[i] = new double[] {percentiles[i], percentileMillis(percentiles[i])};
        }
        return points;
    }
}
