package dev.kafkasim.generators.internal;

import dev.kafkasim.core.spi.PluginSpec;

/**
 * Optional {@code min} and {@code max} bounds that a generator clamps its values to. Either bound may be absent,
 * in which case it is infinite.
 *
 * @param min the lower bound, or negative infinity
 * @param max the upper bound, or positive infinity
 */
public record Clamp(double min, double max) {
    /** Reads optional {@code min} and {@code max}, recording a problem when both are set and {@code min > max}. */
    public static Clamp read(PluginSpec spec) {
        double min = spec.getDouble("min", Double.NEGATIVE_INFINITY);
        double max = spec.getDouble("max", Double.POSITIVE_INFINITY);
        if (spec.has("min") && spec.has("max")) {
            Parameters.requireOrdered(spec, "min", min, "max", max);
        }
        return new Clamp(min, max);
    }

    /** Returns whether a finite lower or upper bound is set. */
    public boolean isBounded() {
        return min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY;
    }

    /** Returns {@code value} moved to the nearest bound when it lies outside them. */
    public double apply(double value) {
        return Math.max(min, Math.min(value, max));
    }
}
