package dev.kafkasim.kafka.verify;

/**
 * Percentiles of a latency over a whole run, in milliseconds.
 *
 * @param count how many latencies were recorded
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the largest latency
 * @param mean the arithmetic mean
 */
public record LatencySummary(long count, double p50, double p95, double p99, double max, double mean) {
    /** The summary of no latencies: every figure 0. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);
}
