package dev.kafkasim.core;

import io.micrometer.core.instrument.Tags;

/**
 * Names and tags of the Micrometer meters that kafkasim registers, all under {@code kafkasim.*}.
 *
 * <p>The engine registers the {@code records}, {@code rate} and {@code schedule} meters of each stream in the
 * registry given to {@link SimulatorEngine.Builder#meterRegistry} (a new {@code SimpleMeterRegistry} when none is
 * given) when it starts, and removes them when it closes. Sinks register their own meters in the same registry,
 * such as the Kafka sink's {@value #SEND_LATENCY} and {@value #BYTES_SENT}, and the delivery verifier registers
 * {@value #RECORDS_CONSUMED}, {@value #RECORDS_IGNORED} and {@value #END_TO_END_LATENCY} in the registry it is
 * given. Each meter of a stream carries the tags {@value #STREAM_TAG}, {@value #TOPIC_TAG} and, where a sink is
 * involved, {@value #SINK_TAG}.
 */
public final class SimulatorMetrics {
    /** Counter of records generated, faults included, in records. */
    public static final String RECORDS_GENERATED = "kafkasim.records.generated";

    /** Counter of records handed to the sink, in records. */
    public static final String RECORDS_SENT = "kafkasim.records.sent";

    /** Counter of records the sink acknowledged, in records. */
    public static final String RECORDS_ACKNOWLEDGED = "kafkasim.records.acknowledged";

    /** Counter of records that failed or could not be sent, in records. */
    public static final String RECORDS_FAILED = "kafkasim.records.failed";

    /** Counter of records of the run that the delivery verifier read back, duplicates included, in records. */
    public static final String RECORDS_CONSUMED = "kafkasim.records.consumed";

    /** Counter of records that the delivery verifier skipped because another run produced them, in records. */
    public static final String RECORDS_IGNORED = "kafkasim.records.ignored";

    /** Gauge of the rate the schedule sets at the latest record, in records per second. */
    public static final String RATE_TARGET = "kafkasim.rate.target";

    /** Gauge of the records sent during the last second, in records per second. */
    public static final String RATE_ACHIEVED = "kafkasim.rate.achieved";

    /** Time gauge of how far the latest record was sent behind its scheduled time. */
    public static final String SCHEDULE_LAG = "kafkasim.schedule.lag";

    /** Timer from a sink's {@code send} to its acknowledgement or failure. */
    public static final String SEND_LATENCY = "kafkasim.send.latency";

    /** Timer from the {@code kafkasim.sent-at} header to the moment the verifier read the record. */
    public static final String END_TO_END_LATENCY = "kafkasim.latency.end-to-end";

    /** Counter of key and value bytes a sink sent, in bytes. */
    public static final String BYTES_SENT = "kafkasim.bytes.sent";

    /** Tag of the stream name. */
    public static final String STREAM_TAG = "stream";

    /** Tag of the destination topic. */
    public static final String TOPIC_TAG = "topic";

    /** Tag of the sink name. */
    public static final String SINK_TAG = "sink";

    /** Percentiles that the timers publish. */
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private SimulatorMetrics() {}

    /**
     * Returns the tags of one stream's meters.
     *
     * @param stream the stream name
     * @param topic the destination topic
     * @param sink the sink name
     * @return the tags {@code stream}, {@code topic} and {@code sink}
     */
    public static Tags streamTags(String stream, String topic, String sink) {
        return Tags.of(STREAM_TAG, stream, TOPIC_TAG, topic, SINK_TAG, sink);
    }

    /** Returns the percentiles that kafkasim's timers publish: 0.5, 0.95 and 0.99. */
    public static double[] percentiles() {
        return PERCENTILES.clone();
    }
}
