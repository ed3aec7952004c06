package dev.kafkasim.core.spi;

import java.util.SplittableRandom;

/**
 * What a {@link FieldGenerator} may read while it builds a value: its own random source, the record's sequence
 * number and event time, and the fields of the same record generated before it.
 *
 * <p>The engine reuses one context per stream and moves it from field to field, so a generator must not keep a
 * reference to it beyond one call.
 */
public interface GenerationContext {
    /**
     * Returns the calling field's random source. Each field of each stream has its own, split from the simulation
     * seed by stream and field name, so adding a field does not change the values of the others.
     */
    SplittableRandom random();

    /** Returns the name of the stream being generated. */
    String stream();

    /** Returns the record's sequence number within its stream, from 0. */
    long sequence();

    /** Returns the record's event time in epoch milliseconds. */
    long eventTime();

    /**
     * Returns the record's key: the value of the stream's key field when that field was generated before the
     * caller, otherwise {@code null}. Generators that keep state per entity (random walks) key it on this.
     */
    Object key();

    /**
     * Returns the value of a field of this record generated before the caller, or {@code null} when it is not
     * generated yet or does not exist.
     *
     * @param name the field name
     */
    Object field(String name);
}
