package dev.kafkasim.benchmarks;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;

/**
 * A sink for one stream that encodes each record's value, stores {@link System#nanoTime()} at the moment
 * {@code send} is called under the record's sequence number, and acknowledges at once. The stored times show how
 * closely the engine keeps to its schedule.
 */
final class SendTimeSink implements Sink {
    private final long[] sendNanos;
    private StreamBinding binding;
    private long bytes;
    private int count;

    /**
     * Creates a sink with room for a number of records; later records are acknowledged but not timed.
     *
     * @param capacity the number of records to time
     */
    SendTimeSink(int capacity) {
        this.sendNanos = new long[capacity];
    }

    @Override
    public void open(SinkContext context) {
        binding = context.streams().get(0);
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        long now = System.nanoTime();
        long sequence = record.sequence();
        if (sequence < sendNanos.length) {
            sendNanos[(int) sequence] = now;
            count = Math.max(count, (int) sequence + 1);
        }
        byte[] value = binding.valueEncoder().encode(record.value());
        bytes += value == null ? 0 : value.length;
        callback.onCompletion(record, null);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** Returns the send time of each timed record, in {@link System#nanoTime()} units, by sequence number. */
    long[] sendNanos() {
        return java.util.Arrays.copyOf(sendNanos, count);
    }

    /** Returns the total size of the encoded values, so that the encoding cannot be skipped. */
    long bytes() {
        return bytes;
    }
}
