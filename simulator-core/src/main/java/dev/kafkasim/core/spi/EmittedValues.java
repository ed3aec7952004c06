package dev.kafkasim.core.spi;

/**
 * The distinct values of one field that another stream has sent so far, in the order first sent, such as the
 * customer ids an orders stream may refer to. Obtained at load with {@link GeneratorSpec#emittedValues}.
 *
 * <p>The engine adds a value when a record carrying it is handed to the sink, on the same thread that runs the
 * generators, so a generator never reads a value that was not sent. Records injected with a fault that
 * replaces the key or value (null keys, tombstones, null fields, poison payloads) add nothing.
 */
public interface EmittedValues {
    /** Returns the name of the stream that sends the values. */
    String stream();

    /** Returns the name of the field whose values are collected. */
    String field();

    /** Returns the number of distinct values sent so far. */
    int size();

    /**
     * Returns a value by the order it was first sent, from 0.
     *
     * @param index from 0 to {@code size() - 1}
     * @throws IndexOutOfBoundsException if the index is outside that range
     */
    Object get(int index);
}
