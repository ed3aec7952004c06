package dev.kafkasim.core.spi;

/**
 * Turns a key or value into bytes at the sink edge. An instance serves one stream's keys or values and may be
 * called from one thread at a time; it may reuse buffers between calls.
 */
@FunctionalInterface
public interface RecordEncoder {
    /**
     * Encodes a key or value.
     *
     * @param value a {@link dev.kafkasim.core.RecordValue}, a single field value, or {@code null}
     * @return the bytes, or {@code null} when {@code value} is null
     */
    byte[] encode(Object value);

    /**
     * Returns the schema this encoder writes, in its format's own notation (Avro's JSON schema), for tools that
     * show it. Formats without a schema return {@code null}.
     */
    default String schema() {
        return null;
    }
}
