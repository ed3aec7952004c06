package dev.kafkasim.formats;

import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;
import dev.kafkasim.formats.internal.ConsoleSink;

/**
 * Provides the {@code console} sink type: one JSON line per record on standard output, with the members
 * {@code stream}, {@code topic}, {@code partition} (only when set), {@code key}, {@code value}, {@code headers},
 * {@code timestamp} (event time in epoch milliseconds) and {@code fault} ({@code null} for a normal record).
 *
 * <p>A structured value is written as a JSON object in field order, a raw payload (a poison record) as a base64
 * string, a tombstone as {@code null}. Nothing else goes to standard output, so the lines can be piped to
 * {@code jq} or a file. Configuration: {@code sinks.out { type = console }}; the block takes no other keys.
 */
public final class ConsoleSinkProvider implements SinkProvider {
    @Override
    public String type() {
        return "console";
    }

    @Override
    public Sink create(SinkSpec spec) {
        return new ConsoleSink(System.out);
    }
}
