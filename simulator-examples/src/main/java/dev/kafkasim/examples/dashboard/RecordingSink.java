package dev.kafkasim.examples.dashboard;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Passes every record on to another sink, keeping the latest records of each stream for the page. */
final class RecordingSink implements Sink {
    /** How many records the sink keeps per stream. */
    static final int RECENT_PER_STREAM = 8;

    private final Sink delegate;
    private final Map<String, Deque<SimRecord>> recent = new HashMap<>();

    RecordingSink(Sink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void open(SinkContext context) {
        delegate.open(context);
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        keep(record);
        delegate.send(record, callback);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Returns the latest records of a stream, newest first. */
    List<SimRecord> recent(String stream) {
        synchronized (recent) {
            Deque<SimRecord> records = recent.get(stream);
            return records == null ? List.of() : new ArrayList<>(records);
        }
    }

    private void keep(SimRecord record) {
        synchronized (recent) {
            Deque<SimRecord> records = recent.computeIfAbsent(record.stream(), stream -> new ArrayDeque<>());
            records.addFirst(record);
            if (records.size() > RECENT_PER_STREAM) {
                records.removeLast();
            }
        }
    }

    @Override
    public String toString() {
        return "RecordingSink{" + delegate + "}";
    }
}
