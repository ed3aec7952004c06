package dev.kafkasim.generators.internal;

/** Rounds numbers to a number of decimal places, as the {@code scale} parameter sets. */
public final class Decimals {
    private static final double[] POWERS_OF_TEN = new double[Parameters.MAX_SCALE + 1];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Decimals() {}

    /**
     * Returns {@code value} rounded half away from zero to {@code scale} decimal places, or {@code value} itself when
     * {@code scale} is negative (no rounding) or the value is too large to carry that many places.
     */
    public static double round(double value, int scale) {
        if (scale < 0) {
            return value;
        }
        double factor = POWERS_OF_TEN[scale];
        double scaled = value * factor;
        if (!Double.isFinite(scaled) || Math.abs(scaled) >= 0x1p52) {
            return value;
        }
        return Math.copySign(Math.floor(Math.abs(scaled) + 0.5), scaled) / factor;
    }

    /**
     * Returns {@code value} rounded to {@code scale} places and kept within {@code min..max}: a value that rounding
     * pushed past a bound is rounded towards the inside instead, so that it keeps {@code scale} places where the
     * range allows it.
     */
    public static double roundWithin(double value, int scale, double min, double max) {
        double rounded = round(value, scale);
        if (scale < 0 || (rounded >= min && rounded <= max)) {
            return Math.max(min, Math.min(rounded, max));
        }
        double factor = POWERS_OF_TEN[scale];
        double inside = rounded > max ? Math.floor(max * factor) / factor : Math.ceil(min * factor) / factor;
        return Math.max(min, Math.min(inside, max));
    }
}
