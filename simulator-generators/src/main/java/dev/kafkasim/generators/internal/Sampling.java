package dev.kafkasim.generators.internal;

import java.util.SplittableRandom;

/** Draws from a random source within bounds that the JDK's methods do not cover on their own. */
public final class Sampling {
    private Sampling() {}

    /**
     * Returns a whole number drawn uniformly from {@code min} to {@code max}, both inclusive, for any pair of longs
     * with {@code min <= max}, including the full {@code long} range, where {@code max - min + 1} overflows.
     */
    public static long nextLongInclusive(SplittableRandom random, long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return random.nextLong();
        }
        if (max < Long.MAX_VALUE) {
            // The JDK accepts a bound whose distance from the origin overflows and samples by rejection then.
            return random.nextLong(min, max + 1);
        }
        return random.nextLong(min - 1, max) + 1;
    }

    /** Returns a number drawn uniformly from {@code min} (inclusive) to {@code max} (exclusive), or {@code min}. */
    public static double nextDouble(SplittableRandom random, double min, double max) {
        if (min >= max) {
            return min;
        }
        double width = max - min;
        if (Double.isFinite(width)) {
            return random.nextDouble(min, max);
        }
        // The range is wider than the largest double, so draw halfway between the halves of both bounds.
        double value = 2 * random.nextDouble(min / 2, max / 2);
        return Math.max(min, Math.min(value, max));
    }

    /**
     * Returns the index of the first entry of a cumulative table that is greater than {@code target}. The table
     * must be ascending; a target at or above its last entry returns the last index.
     */
    public static int searchCumulative(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
