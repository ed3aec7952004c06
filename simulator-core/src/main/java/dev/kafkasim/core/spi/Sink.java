package dev.kafkasim.core.spi;

import dev.kafkasim.core.SimRecord;

/**
 * Receives generated records: a Kafka producer, a {@code TopologyTestDriver}, memory, the console.
 *
 * <p>The engine calls {@link #open} once, then {@link #send} from one thread, then {@link #flush} and
 * {@link #close}. Every record given to {@code send} must complete its callback exactly once, with success or an
 * error, including records still pending when {@code close} is called.
 */
public interface Sink extends AutoCloseable {
    /**
     * Prepares the sink for the given streams, such as connecting to a cluster.
     *
     * @param context the sink's name, run id and streams
     * @throws dev.kafkasim.core.KafkasimException if the sink cannot be opened
     */
    void open(SinkContext context);

    /**
     * Sends a record asynchronously. May block for back-pressure, but must not block until acknowledgement.
     *
     * @param record the record
     * @param callback called once when the record is acknowledged or has failed
     */
    void send(SimRecord record, SendCallback callback);

    /** Blocks until every record sent so far has completed its callback. */
    void flush();

    /** Releases resources. Records still pending complete with an error before this returns. */
    @Override
    void close();
}
