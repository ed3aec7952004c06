package dev.kafkasim.kafka.sink;

import dev.kafkasim.core.SimRecord;

/**
 * Names of the headers that the Kafka sink adds to every record. Values are UTF-8 text; numbers are written in
 * decimal.
 */
public final class KafkasimHeaders {
    /** The stream that generated the record, such as {@code sensors}. */
    public static final String STREAM = "kafkasim.stream";

    /** The record's sequence number within its stream, from 0. */
    public static final String SEQUENCE = "kafkasim.seq";

    /** The wall-clock time at which the sink sent the record, in epoch milliseconds. */
    public static final String SENT_AT = "kafkasim.sent-at";

    /** The id of the engine run that generated the record, so a verifier can tell runs apart on one topic. */
    public static final String RUN = "kafkasim.run";

    /** The fault that produced the record, such as {@code late}; present only on injected records. */
    public static final String FAULT = SimRecord.FAULT_HEADER;

    private KafkasimHeaders() {}
}
