package dev.kafkasim.formats.internal;

import dev.kafkasim.core.spi.RecordEncoder;

/**
 * Passes a {@code byte[]} key or value through unchanged and encodes anything else as {@link StringEncoder} does.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class BytesEncoder implements RecordEncoder {
    private final StringEncoder text;

    /**
     * Creates an encoder.
     *
     * @param stream the stream name, for error messages
     */
    public BytesEncoder(String stream) {
        this.text = new StringEncoder(stream);
    }

    @Override
    public byte[] encode(Object value) {
        return value instanceof byte[] raw ? raw : text.encode(value);
    }
}
