package dev.kafkasim.kafka.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verifier's findings for one stream.
 *
 * <p>Records that carry a {@code kafkasim.fault} header are expected disorder: they are counted by fault kind in
 * {@code faults}, a repeated sequence number among them is counted in {@code injectedDuplicates} and not in
 * {@code duplicates}, and they are left out of the order checks.
 *
 * @param stream the stream name
 * @param expected how many records the stream was expected to deliver, with sequence numbers {@code 0} to
 *     {@code expected - 1}; 0 for a stream the caller did not name
 * @param consumed how many records of the stream and run were read, duplicates included
 * @param missing how many sequence numbers below {@code expected} were never read
 * @param duplicates how many records without a fault header repeated a sequence number read before
 * @param firstMissing the lowest missing sequence numbers, at most {@value DeliveryReport#LISTED_SEQUENCES}
 * @param firstDuplicates the first repeated sequence numbers in reading order, at most
 *     {@value DeliveryReport#LISTED_SEQUENCES}
 * @param firstDuplicateKeys the keys of the records in {@code firstDuplicates}, as UTF-8 text, in the same order;
 *     an element is {@code null} for a record without a key
 * @param injectedDuplicates how many records with a fault header repeated a sequence number read before
 * @param orderViolations how many records without a fault header had a lower sequence number than a record of the
 *     same key read before from the same partition. Records without a key are not checked.
 * @param firstOrderViolations the first order violations in reading order, at most
 *     {@value DeliveryReport#LISTED_SEQUENCES}
 * @param partitionOrderViolations how many records without a fault header had a lower sequence number than a
 *     record of the stream read before from the same partition, whatever their keys
 * @param firstPartitionOrderViolations the first of those partition order violations in reading order, at most
 *     {@value DeliveryReport#LISTED_SEQUENCES}, each with the key of the late record ({@code null} without a key)
 *     and the highest sequence number read before it from the partition
 * @param faults records read with a fault header, by fault kind such as {@code duplicate}
 * @param endToEndLatency the time from each record's {@code kafkasim.sent-at} header to the moment it was read
 */
public record StreamReport(
        String stream,
        long expected,
        long consumed,
        long missing,
        long duplicates,
        List<Long> firstMissing,
        List<Long> firstDuplicates,
        List<String> firstDuplicateKeys,
        long injectedDuplicates,
        long orderViolations,
        List<OrderViolation> firstOrderViolations,
        long partitionOrderViolations,
        List<OrderViolation> firstPartitionOrderViolations,
        Map<String, Long> faults,
        LatencySummary endToEndLatency) {

    /**
     * Creates a report, copying the lists and the map.
     *
     * @throws NullPointerException if the stream name, a list, the map or the latency is null
     */
    public StreamReport {
        Objects.requireNonNull(stream, "stream");
        firstMissing = List.copyOf(firstMissing);
        firstDuplicates = List.copyOf(firstDuplicates);
        firstDuplicateKeys = Collections.unmodifiableList(new ArrayList<>(firstDuplicateKeys));
        firstOrderViolations = List.copyOf(firstOrderViolations);
        firstPartitionOrderViolations = Collections.unmodifiableList(new ArrayList<>(firstPartitionOrderViolations));
        faults = Map.copyOf(faults);
        Objects.requireNonNull(endToEndLatency, "endToEndLatency");
    }

    /**
     * Creates a report of counts, gaps and repeats only: no injected faults, no order violations and no latency.
     *
     * @throws NullPointerException if the stream name or a list is null
     */
    public StreamReport(
            String stream,
            long expected,
            long consumed,
            long missing,
            long duplicates,
            List<Long> firstMissing,
            List<Long> firstDuplicates) {
        this(
                stream,
                expected,
                consumed,
                missing,
                duplicates,
                firstMissing,
                firstDuplicates,
                Collections.nCopies(firstDuplicates.size(), null),
                0,
                0,
                List.of(),
                0,
                List.of(),
                Map.of(),
                LatencySummary.EMPTY);
    }
}
