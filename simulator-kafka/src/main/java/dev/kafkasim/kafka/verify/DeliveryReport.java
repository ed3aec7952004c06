package dev.kafkasim.kafka.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The verifier's findings across all streams: totals, and one {@link StreamReport} per stream.
 *
 * @param consumed records of the run read back, duplicates included
 * @param missing expected sequence numbers never read
 * @param duplicates records that repeated a sequence number read before
 * @param streams the report of each stream: the expected streams in the caller's order, then any other stream of
 *     the run that was read
 */
public record DeliveryReport(long consumed, long missing, long duplicates, Map<String, StreamReport> streams) {
    /** How many offending sequence numbers a report keeps and an assertion lists per stream. */
    public static final int LISTED_SEQUENCES = 10;

    /** Creates a report, copying the map and keeping its order. */
    public DeliveryReport {
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /**
     * Creates a report whose totals are the sums over its streams.
     *
     * @param streams the report of each stream, in order
     * @return the report
     */
    public static DeliveryReport of(Map<String, StreamReport> streams) {
        return new DeliveryReport(
                sum(streams, StreamReport::consumed),
                sum(streams, StreamReport::missing),
                sum(streams, StreamReport::duplicates),
                streams);
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
            StringBuilder message = new StringBuilder("Expected every record to arrive, but " + missing + " missing:");
            streams.values().stream()
                    .filter(stream -> stream.missing() > 0)
                    .forEach(stream -> message.append("\n  stream '")
                            .append(stream.stream())
                            .append("': ")
                            .append(stream.missing())
                            .append(" of ")
                            .append(stream.expected())
                            .append(" missing, first sequence numbers ")
                            .append(stream.firstMissing()));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Throws if any record was read more than once.
     *
     * @throws AssertionError listing, per stream, how many duplicates were read and the first duplicated sequence
     *     numbers
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
                            .append(stream.firstDuplicates()));
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
