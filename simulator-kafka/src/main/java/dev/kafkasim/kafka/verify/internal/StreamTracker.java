package dev.kafkasim.kafka.verify.internal;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.LatencySummary;
import dev.kafkasim.kafka.verify.OrderViolation;
import dev.kafkasim.kafka.verify.StreamReport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The state of one stream's records read so far: the sequence numbers (one bit each), the highest sequence number per partition and
 * per key within a partition, the faults, and the end-to-end latencies. Not thread-safe.
 *
 * <p>Records with a fault header are expected disorder: their repeats are counted apart from real duplicates and
 * they take no part in the order checks, so a record held back by the {@code out-of-order} fault neither counts
 * as a violation nor makes the records after it look out of order.
 *
 * <p>NOTE: a {@link BitSet} accepts indexes up to {@code Integer.MAX_VALUE - 1}, so sequence numbers beyond that
 * are counted as consumed but not checked for gaps or repeats.
 */
public final class StreamTracker {
    private static final long MAX_TRACKED = Integer.MAX_VALUE - 1L;

    private final String stream;
    private final BitSet seen = new BitSet();
    private final BitSet seenWithoutFault = new BitSet();
    private final List<Long> firstDuplicates = new ArrayList<>();
    private final List<String> firstDuplicateKeys = new ArrayList<>();
    private final List<OrderViolation> firstOrderViolations = new ArrayList<>();
    private final List<OrderViolation> firstPartitionOrderViolations = new ArrayList<>();
    private final Map<Integer, Long> lastPerPartition = new HashMap<>();
    private final Map<KeyInPartition, Long> lastPerKey = new HashMap<>();
    private final Map<String, Long> faults = new TreeMap<>();
    private final Histogram latencies = new Histogram(3);
    private long consumed;
    private long duplicates;
    private long injectedDuplicates;
    private long orderViolations;
    private long partitionOrderViolations;

    /**
     * Creates a tracker with nothing read.
     *
     * @param stream the stream name
     */
    public StreamTracker(String stream) {
        this.stream = stream;
    }

    /**
     * Records that a record with this sequence number was read, without checking order or latency.
     *
     * @param sequence the record's sequence number
     */
    public void add(long sequence) {
        add(sequence, 0, null, null, -1);
    }

    /**
     * Records that a record was read.
     *
     * @param sequence the record's sequence number
     * @param partition the partition it was read from
     * @param key the key bytes, or {@code null} for a record without a key
     * @param fault the value of its {@value SimRecord#FAULT_HEADER} header, or {@code null}
     * @param latencyMillis the time from its send to now, or a negative number when unknown
     */
    public void add(long sequence, int partition, byte[] key, String fault, long latencyMillis) {
        consumed++;
        if (latencyMillis >= 0) {
            latencies.recordValue(latencyMillis);
        }
        if (fault != null) {
            faults.merge(fault, 1L, Long::sum);
        }
        if (sequence < 0 || sequence > MAX_TRACKED) {
            return;
        }
        trackRepeat(sequence, key, fault);
        if (fault == null) {
            checkOrder(sequence, partition, key);
        }
    }

    /**
     * Counts a repeated sequence number. A copy with a fault header is an injected duplicate whichever copy arrives
     * first, so only a second record without a fault header counts as a real duplicate.
     */
    private void trackRepeat(long sequence, byte[] key, String fault) {
        int index = (int) sequence;
        boolean seenBefore = seen.get(index);
        seen.set(index);
        if (fault != null) {
            if (seenBefore) {
                injectedDuplicates++;
            }
            return;
        }
        if (seenWithoutFault.get(index)) {
            duplicates++;
            if (firstDuplicates.size() < DeliveryReport.LISTED_SEQUENCES) {
                firstDuplicates.add(sequence);
                firstDuplicateKeys.add(keyText(key));
            }
        } else {
            seenWithoutFault.set(index);
            if (seenBefore) {
                injectedDuplicates++;
            }
        }
    }

    private void checkOrder(long sequence, int partition, byte[] key) {
        Long previousInPartition = lastPerPartition.get(partition);
        if (previousInPartition != null && sequence < previousInPartition) {
            partitionOrderViolations++;
            if (firstPartitionOrderViolations.size() < DeliveryReport.LISTED_SEQUENCES) {
                firstPartitionOrderViolations.add(
                        new OrderViolation(keyText(key), partition, sequence, previousInPartition));
            }
        } else {
            lastPerPartition.put(partition, sequence);
        }
        if (key == null) {
            return;
        }
        KeyInPartition slot = new KeyInPartition(partition, ByteBuffer.wrap(key));
        Long previous = lastPerKey.get(slot);
        if (previous != null && sequence < previous) {
            orderViolations++;
            if (firstOrderViolations.size() < DeliveryReport.LISTED_SEQUENCES) {
                firstOrderViolations.add(new OrderViolation(keyText(key), partition, sequence, previous));
            }
        } else {
            lastPerKey.put(slot, sequence);
        }
    }

    private static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /**
     * Returns how many records were read, less the injected duplicates: the distinct sequence numbers read plus
     * the real duplicates.
     */
    public long consumedWithoutInjectedDuplicates() {
        return consumed - injectedDuplicates;
    }

    /** Returns how many records were read, duplicates included. */
    public long consumed() {
        return consumed;
    }

    /** Returns the end-to-end latencies recorded so far, in milliseconds; the caller must not change them. */
    public Histogram latencies() {
        return latencies;
    }

    /**
     * Returns whether every sequence number from 0 to {@code expected - 1} was read.
     *
     * @param expected how many records the stream was expected to deliver
     */
    public boolean hasAll(long expected) {
        return countSeenBelow(expected) == Math.min(expected, MAX_TRACKED + 1);
    }

    /**
     * Returns the stream's report against an expected count.
     *
     * @param expected how many records the stream was expected to deliver, with sequence numbers from 0
     * @return the report
     */
    public StreamReport report(long expected) {
        long limit = Math.min(expected, MAX_TRACKED + 1);
        long missing = limit - countSeenBelow(limit);
        return new StreamReport(
                stream,
                expected,
                consumed,
                missing,
                duplicates,
                firstMissing(limit),
                firstDuplicates,
                firstDuplicateKeys,
                injectedDuplicates,
                orderViolations,
                firstOrderViolations,
                partitionOrderViolations,
                firstPartitionOrderViolations,
                faults,
                summarize(latencies));
    }

    /**
     * Returns the percentiles of a latency histogram.
     *
     * @param histogram latencies in milliseconds
     * @return the summary, {@link LatencySummary#EMPTY} when the histogram is empty
     */
    public static LatencySummary summarize(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99),
                histogram.getMaxValue(),
                histogram.getMean());
    }

    private long countSeenBelow(long expected) {
        int limit = (int) Math.min(expected, MAX_TRACKED + 1);
        return seen.length() <= limit ? seen.cardinality() : seen.get(0, limit).cardinality();
    }

    private List<Long> firstMissing(long limit) {
        List<Long> missing = new ArrayList<>();
        int index = seen.nextClearBit(0);
        while (index >= 0 && index < limit && missing.size() < DeliveryReport.LISTED_SEQUENCES) {
            missing.add((long) index);
            index = seen.nextClearBit(index + 1);
        }
        return missing;
    }

    /** A key within one partition; {@link ByteBuffer} compares the key bytes by content. */
    private record KeyInPartition(int partition, ByteBuffer key) {}
}
