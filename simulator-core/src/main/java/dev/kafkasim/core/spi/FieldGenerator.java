package dev.kafkasim.core.spi;

/**
 * Produces one field's values, one per record.
 *
 * <p>An instance belongs to one field of one stream and is called from one thread at a time, in sequence order.
 * It may keep state (a random walk's last value per key). It must draw randomness only from
 * {@link GenerationContext#random()}, so that the same seed gives the same values at any speed.
 */
@FunctionalInterface
public interface FieldGenerator {
    /**
     * Returns the next value.
     *
     * @param context the record being built and this field's random source
     * @return {@code null}, a {@link Boolean}, {@link Long}, {@link Integer}, {@link Double}, {@link String},
     *     {@link java.util.List} or {@link dev.kafkasim.core.RecordValue}
     */
    Object next(GenerationContext context);
}
