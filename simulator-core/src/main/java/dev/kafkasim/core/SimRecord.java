package dev.kafkasim.core;

import java.util.List;
import java.util.Objects;

/**
 * One generated record, immutable: which stream and topic it belongs to, its key, value and headers, its event
 * time, its sequence number within the stream, and the fault that produced it, if any.
 *
 * <p>The value is a {@link RecordValue}, a {@code byte[]} payload that sinks send as it is without a format (used
 * for poison records), or {@code null} for a tombstone. The key is the value of the stream's key field, or
 * {@code null}.
 */
public final class SimRecord {
    /** Header that names the fault a record was produced by. */
    public static final String FAULT_HEADER = "kafkasim.fault";

    private final String stream;
    private final String topic;
    private final Integer partition;
    private final Object key;
    private final Object value;
    private final List<SimHeader> headers;
    private final long timestamp;
    private final long sequence;
    private final String fault;

    /**
     * Creates a record.
     *
     * @param stream the stream name
     * @param topic the destination topic
     * @param partition the destination partition, or {@code null} to let the sink choose
     * @param key the key, or {@code null}
     * @param value a {@link RecordValue}, a {@code byte[]} raw payload, or {@code null}
     * @param headers user headers in order, not null
     * @param timestamp the event time in epoch milliseconds
     * @param sequence the sequence number within the stream, from 0
     * @param fault the fault kind that produced the record, such as {@code late}, or {@code null}
     */
    public SimRecord(
            String stream,
            String topic,
            Integer partition,
            Object key,
            Object value,
            List<SimHeader> headers,
            long timestamp,
            long sequence,
            String fault) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.key = key;
        this.value = value;
        this.headers = List.copyOf(headers);
        this.timestamp = timestamp;
        this.sequence = sequence;
        this.fault = fault;
    }

    /** Returns the stream name. */
    public String stream() {
        return stream;
    }

    /** Returns the destination topic. */
    public String topic() {
        return topic;
    }

    /** Returns the destination partition, or {@code null} when the sink chooses. */
    public Integer partition() {
        return partition;
    }

    /** Returns the key, or {@code null}. */
    public Object key() {
        return key;
    }

    /** Returns the value: a {@link RecordValue}, a {@code byte[]} raw payload, or {@code null} for a tombstone. */
    public Object value() {
        return value;
    }

    /** Returns the structured value, or {@code null} when the value is a raw payload or a tombstone. */
    public RecordValue recordValue() {
        return value instanceof RecordValue recordValue ? recordValue : null;
    }

    /** Returns the user headers in order, unmodifiable. */
    public List<SimHeader> headers() {
        return headers;
    }

    /** Returns the event time in epoch milliseconds. */
    public long timestamp() {
        return timestamp;
    }

    /** Returns the sequence number within the stream, from 0. */
    public long sequence() {
        return sequence;
    }

    /** Returns the fault kind that produced this record, or {@code null} for a normal record. */
    public String fault() {
        return fault;
    }

    /**
     * Returns a copy of this record with another value, fault and event time, for fault injection.
     *
     * @param newValue the value of the copy
     * @param newTimestamp the event time of the copy, in epoch milliseconds
     * @param newFault the fault kind of the copy
     * @return the copy
     */
    public SimRecord withFault(Object newValue, long newTimestamp, String newFault) {
        return new SimRecord(stream, topic, partition, key, newValue, headers, newTimestamp, sequence, newFault);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimRecord that
                && timestamp == that.timestamp
                && sequence == that.sequence
                && stream.equals(that.stream)
                && topic.equals(that.topic)
                && Objects.equals(partition, that.partition)
                && Objects.deepEquals(key, that.key)
                && Objects.deepEquals(value, that.value)
                && headers.equals(that.headers)
                && Objects.equals(fault, that.fault);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, sequence, timestamp);
    }

    @Override
    public String toString() {
        return "SimRecord{stream=" + stream + ", topic=" + topic + ", seq=" + sequence + ", timestamp=" + timestamp
                + ", key=" + key + ", value=" + value + (fault == null ? "" : ", fault=" + fault) + "}";
    }
}
