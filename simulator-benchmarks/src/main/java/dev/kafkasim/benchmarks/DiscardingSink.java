package dev.kafkasim.benchmarks;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import java.util.HashMap;
import java.util.Map;

/**
 * A sink that encodes each record's key and value with its stream's encoders, as a real sink does, then drops the
 * bytes and acknowledges the record at once. It keeps the count and the total size of what it encoded, so that the
 * JIT cannot skip the encoding.
 */
public final class DiscardingSink implements Sink {
    private Map<String, StreamBinding> bindings = Map.of();
    private long records;
    private long bytes;

    @Override
    public void open(SinkContext context) {
        Map<String, StreamBinding> byStream = new HashMap<>();
        for (StreamBinding binding : context.streams()) {
            byStream.put(binding.stream(), binding);
        }
        bindings = byStream;
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        StreamBinding binding = bindings.get(record.stream());
        bytes += encodedLength(record.key(), binding.keyEncoder())
                + encodedLength(record.value(), binding.valueEncoder());
        records++;
        callback.onCompletion(record, null);
    }

    private static int encodedLength(Object value, RecordEncoder encoder) {
        if (value == null) {
            return 0;
        }
        byte[] encoded = value instanceof byte[] raw ? raw : encoder.encode(value);
        return encoded == null ? 0 : encoded.length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** Returns the number of records sent. */
    public long records() {
        return records;
    }

    /** Returns the total size of the encoded keys and values, in bytes. */
    public long bytes() {
        return bytes;
    }
}
