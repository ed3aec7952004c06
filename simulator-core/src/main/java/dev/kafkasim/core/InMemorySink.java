package dev.kafkasim.core;

import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps every record in memory and acknowledges it at once. For tests and for inspecting what a
 * scenario produces; create one with {@link Sinks#inMemory()}.
 *
 * <p>Memory grows with every record: bound the run with a count or duration.
 */
public final class InMemorySink implements Sink {
    private final ConcurrentLinkedQueue<SimRecord> records = new ConcurrentLinkedQueue<>();
    private volatile SinkContext context;

    InMemorySink() {}

    @Override
    public void open(SinkContext context) {
        this.context = context;
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        records.add(record);
        callback.onCompletion(record, null);
    }

    @Override
    public void flush() {
        // Every record is acknowledged when sent.
    }

    @Override
    public void close() {
        // Records stay readable after close.
    }

    /** Returns every record received, in the order sent. */
    public List<SimRecord> records() {
        return new ArrayList<>(records);
    }

    /**
     * Returns the records of one stream, in the order sent.
     *
     * @param stream the stream name
     */
    public List<SimRecord> records(String stream) {
        return records.stream().filter(r -> r.stream().equals(stream)).toList();
    }

    /** Returns the context the sink was opened with, or {@code null} before it was opened. */
    public SinkContext context() {
        return context;
    }

    /** Removes every record received so far. */
    public void clear() {
        records.clear();
    }

    @Override
    public String toString() {
        return "InMemorySink{records=" + records.size() + "}";
    }
}
