package dev.kafkasim.kafka.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The verifier's findings across all streams: totals, and one {@link StreamReport} per stream.
 *
 * <p>Records that carry a {@code kafkasim.fault} header were injected by the engine on purpose. Their repeats are
 * counted in {@link StreamReport#injectedDuplicates()} and not in {@code duplicates}, and they are left out of the
 * order checks, so that {@link #assertNoDuplicates()} and {@link #assertOrderedPerKey()} pass for a run whose only
 * disorder is the injected one.
 *
 * @param consumed records of the run read back, duplicates included
 * @param missing expected sequence numbers never read
 * @param duplicates records without a fault header that repeated a sequence number read before
 * @param ignored records skipped because they lacked the run header or carried another run's id
 * @param orderViolations records without a fault header that arrived after a record of the same key and partition
 *     with a higher sequence number
 * @param endToEndLatency the time from each record's {@code kafkasim.sent-at} header to the moment it was read,
 *     over all streams
 * @param streams the report of each stream: the expected streams in the caller's order, then any other stream of
 *     the run that was read
 */
public record DeliveryReport(
        long consumed,
        long missing,
        long duplicates,
        long ignored,
        long orderViolations,
        LatencySummary endToEndLatency,
        Map<String, StreamReport> streams) {
    /** How many offending sequence numbers a report keeps and an assertion lists per stream. */
    public static final int LISTED_SEQUENCES = 10;

    /**
     * Creates a report, copying the map and keeping its order.
     *
     * @throws NullPointerException if the latency or the map is null
     */
    public DeliveryReport {
        Objects.requireNonNull(endToEndLatency, "endToEndLatency");
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /**
     * Creates a report whose totals are the sums over its streams, with nothing ignored and no overall latency.
     *
     * @param streams the report of each stream, in order
     * @return the report
     */
    public static DeliveryReport of(Map<String, StreamReport> streams) {
        return of(streams, 0, LatencySummary.EMPTY);
    }

    /**
     * Creates a report whose totals are the sums over its streams.
     *
     * @param streams the report of each stream, in order
     * @param ignored records skipped because another run produced them
     * @param endToEndLatency the latency over all streams
     * @return the report
     */
    public static DeliveryReport of(Map<String, StreamReport> streams, long ignored, LatencySummary endToEndLatency) {
        return new DeliveryReport(
                sum(streams, StreamReport::consumed),
                sum(streams, StreamReport::missing),
                sum(streams, StreamReport::duplicates),
                ignored,
                sum(streams, StreamReport::orderViolations),
                endToEndLatency,
                streams);
    }

    /** Returns the records read with a fault header that repeated a sequence number, over all streams. */
    public long injectedDuplicates() {
        return sum(streams, StreamReport::injectedDuplicates);
    }

    /** Returns the records read with a fault header, by fault kind, over all streams. */
    public Map<String, Long> faults() {
        Map<String, Long> faults = new TreeMap<>();
        streams.values()
                .forEach(stream -> stream.faults().forEach((kind, count) -> faults.merge(kind, count, Long::sum)));
        return faults;
    }

    /**
     * Returns the report of one stream.
     *
     * @param stream the stream name
     * @return the report
     * @throws IllegalArgumentException if the report has no such stream
     */
    public StreamReport stream(String stream) {
        StreamReport report = streams.get(stream);
        if (report == null) {
            throw new IllegalArgumentException(
                    "no stream '" + stream + "' in the report; streams: " + streams.keySet());
        }
        return report;
    }

    /**
     * Throws if any expected record was never read.
     *
     * @throws AssertionError listing, per stream, how many records are missing and the first missing sequence
     *     numbers
     */
    public void assertNoLoss() {
        if (missing > 0) {
            throw new AssertionError(
                    "Expected every record to arrive, but " + missing + " missing:" + describeMissing("\n  "));
        }
    }

    /**
     * Describes each stream with missing records, each entry starting with {@code separator}: how many are missing
     * and the first missing sequence numbers. Returns an empty string when nothing is missing.
     */
    String describeMissing(String separator) {
        StringBuilder text = new StringBuilder();
        for (StreamReport stream : streams.values()) {
            if (stream.missing() > 0) {
                text.append(separator)
                        .append("stream '")
                        .append(stream.stream())
                        .append("': ")
                        .append(stream.missing())
                        .append(" of ")
                        .append(stream.expected())
                        .append(" missing, first sequence numbers ")
                        .append(stream.firstMissing());
            }
        }
        return text.toString();
    }

    /**
     * Throws if any record without a fault header was read more than once. Copies sent by the engine's
     * {@code duplicate} fault carry that header and do not count.
     *
     * @throws AssertionError listing, per stream, how many duplicates were read and the first duplicated sequence
     *     numbers with their keys
     */
    public void assertNoDuplicates() {
        if (duplicates > 0) {
            StringBuilder message = new StringBuilder("Expected every record once, but " + duplicates + " duplicates:");
            streams.values().stream()
                    .filter(stream -> stream.duplicates() > 0)
                    .forEach(stream -> message.append("\n  stream '")
                            .append(stream.stream())
                            .append("': ")
                            .append(stream.duplicates())
                            .append(" duplicates, first sequence numbers ")
                            .append(stream.firstDuplicates())
                            .append(" with keys ")
                            .append(stream.firstDuplicateKeys()));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Throws if any record without a fault header arrived after a record of the same key and partition with a
     * higher sequence number.
     *
     * @throws AssertionError listing, per stream, how many records were out of order and the first of them with
     *     their key, partition and sequence numbers
     */
    public void assertOrderedPerKey() {
        if (orderViolations > 0) {
            StringBuilder message = new StringBuilder(
                    "Expected records of each key in sequence order, but " + orderViolations + " out of order:");
            streams.values().stream()
                    .filter(stream -> stream.orderViolations() > 0)
                    .forEach(stream -> message.append("\n  stream '")
                            .append(stream.stream())
                            .append("': ")
                            .append(stream.orderViolations())
                            .append(" out of order, first ")
                            .append(stream.firstOrderViolations()));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Throws if any record without a fault header arrived after a record of the same stream and partition with a
     * higher sequence number, whatever their keys. The engine sends each stream in sequence order, and an idempotent
     * producer keeps the order within a partition, so a clean run passes. Retries without idempotence can break it.
     *
     * @throws AssertionError listing, per stream, how many records were out of order in their partition and the
     *     first of them with their key, partition and sequence numbers
     */
    public void assertOrderedPerPartition() {
        long violations = sum(streams, StreamReport::partitionOrderViolations);
        if (violations > 0) {
            StringBuilder message = new StringBuilder(
                    "Expected records of each partition in sequence order, but " + violations + " out of order:");
            streams.values().stream()
                    .filter(stream -> stream.partitionOrderViolations() > 0)
                    .forEach(stream -> message.append("\n  stream '")
                            .append(stream.stream())
                            .append("': ")
                            .append(stream.partitionOrderViolations())
                            .append(" out of order, first ")
                            .append(stream.firstPartitionOrderViolations()));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Returns the one-line summary that ends a run, such as
     * {@code verified: generated=10000 acknowledged=10000 consumed=10000 missing=0 duplicates=0}.
     *
     * @param generated how many records the engine generated
     * @param acknowledged how many records the cluster acknowledged
     * @return the line, without a line break
     */
    public String summaryLine(long generated, long acknowledged) {
        return "verified: generated=" + generated + " acknowledged=" + acknowledged + " consumed=" + consumed
                + " missing=" + missing + " duplicates=" + duplicates;
    }

    private static long sum(Map<String, StreamReport> streams, ToLongFunction<StreamReport> field) {
        return streams.values().stream().mapToLong(field).sum();
    }
}
