package dev.kafkasim.kafka.verify.internal;

import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.StreamReport;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The sequence numbers read for one stream, one bit each. Not thread-safe.
 *
 * <p>NOTE: a {@link BitSet} accepts indexes up to {@code Integer.MAX_VALUE - 1}, so sequence numbers beyond that
 * are counted as consumed but not checked for gaps or repeats.
 */
public final class StreamTracker {
    private static final long MAX_TRACKED = Integer.MAX_VALUE - 1L;

    private final String stream;
    private final BitSet seen = new BitSet();
    private final List<Long> firstDuplicates = new ArrayList<>();
    private long consumed;
    private long duplicates;

    /**
     * Creates a tracker with nothing read.
     *
     * @param stream the stream name
     */
    public StreamTracker(String stream) {
        this.stream = stream;
    }

    /**
     * Records that a record with this sequence number was read.
     *
     * @param sequence the record's sequence number
     */
    public void add(long sequence) {
        consumed++;
        if (sequence < 0 || sequence > MAX_TRACKED) {
            return;
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            if (firstDuplicates.size() < DeliveryReport.LISTED_SEQUENCES) {
                firstDuplicates.add(sequence);
            }
        } else {
            seen.set(index);
        }
    }

    /** Returns how many records were read, duplicates included. */
    public long consumed() {
        return consumed;
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
        return new StreamReport(stream, expected, consumed, missing, duplicates, firstMissing(limit), firstDuplicates);
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
}
