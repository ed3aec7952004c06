package dev.kafkasim.formats.internal;

import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes a scalar as its text in UTF-8 ({@code 21.5}, {@code true}, {@code sensor-0001}) and a structured value
 * ({@link RecordValue}, {@link List} or {@link Map}) as its JSON. A {@code byte[]} key or value is a raw payload and
 * is returned as it is.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class StringEncoder implements RecordEncoder {
    private final JsonEncoder json;

    /**
     * Creates an encoder.
     *
     * @param stream the stream name, for error messages
     */
    public StringEncoder(String stream) {
        this.json = new JsonEncoder(stream);
    }

    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        if (isStructured(value)) {
            return json.encode(value);
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    static boolean isStructured(Object value) {
        return value instanceof RecordValue || value instanceof List<?> || value instanceof Map<?, ?>;
    }
}
