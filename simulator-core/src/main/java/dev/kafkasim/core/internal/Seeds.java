package dev.kafkasim.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives the random source of each stream and field from the simulation seed.
 *
 * <p>A field's seed mixes the simulation seed with 64-bit FNV-1a hashes of the stream and field names through the
 * SplitMix64 finaliser, so it depends only on those three values: adding, removing or reordering other fields and
 * streams leaves it unchanged. {@link SplittableRandom}'s algorithm is fixed by its specification, so the same
 * seed gives the same draws in every JVM.
 */
public final class Seeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {}

    /**
     * Returns the random source of one field.
     *
     * @param seed the simulation seed
     * @param stream the stream name
     * @param field the field name
     */
    public static SplittableRandom forField(long seed, String stream, String field) {
        return new SplittableRandom(mix(mix(seed ^ hash("field:" + stream)) + hash(field)));
    }

    /**
     * Returns the random source of a stream's own draws (schedule gaps, faults), apart from its fields.
     *
     * @param seed the simulation seed
     * @param stream the stream name
     * @param purpose what the draws are for, such as {@code schedule}
     */
    public static SplittableRandom forStream(long seed, String stream, String purpose) {
        return new SplittableRandom(mix(mix(seed ^ hash("stream:" + stream)) + hash(purpose)));
    }

    static long hash(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** Applies the SplitMix64 finaliser, a bijection on longs that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
