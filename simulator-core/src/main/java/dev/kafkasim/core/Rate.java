package dev.kafkasim.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of records per unit of time, such as {@code 500/s}, {@code 12/min} or {@code 0.2/s}.
 *
 * <p>Instances are immutable. Rates are stored per second as a {@code double}.
 */
public final class Rate {
    private static final Pattern FORM =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\\s*(?:/\\s*([a-zA-Z]+))?\\s*");

    /** The valid forms, for error messages. */
    public static final String VALID_FORMS =
            "a positive rate such as 500/s, 12/min, 0.2/s or 3600/h (units: ms, s, sec, m, min, h, hour, d, day)";

    /**
     * The lowest rate, one record per 365 days: the engine keeps event time in nanoseconds, whose range ends after
     * about 292 years, so a slower rate would put its second record out of range.
     */
    private static final double MIN_PER_SECOND = 1.0 / (365 * 86_400);

    private static final String TOO_SLOW = ": slower than one record per 365 days, the lowest rate";

    private final double perSecond;

    private Rate(double perSecond) {
        this.perSecond = perSecond;
    }

    /**
     * Returns a rate of records per second.
     *
     * @param perSecond records per second, finite and greater than 0
     * @throws IllegalArgumentException if {@code perSecond} is not finite or not greater than 0
     */
    public static Rate perSecond(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("invalid rate " + perSecond + "; expected " + VALID_FORMS);
        }
        return new Rate(perSecond);
    }

    /**
     * Parses a rate such as {@code 500/s}, {@code 12/min} or a plain number of records per second, from one
     * record per 365 days upwards.
     *
     * @param text the rate as written in configuration
     * @return the rate
     * @throws IllegalArgumentException if the text is not a positive rate in a known unit
     */
    public static Rate parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid rate '" + text + "'; expected " + VALID_FORMS);
        }
        double count = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        double seconds = switch (unit) {
            case "ms" -> 0.001;
            case "s", "sec", "second" -> 1;
            case "m", "min", "minute" -> 60;
            case "h", "hour" -> 3600;
            case "d", "day" -> 86_400;
            default ->
                throw new IllegalArgumentException(
                        "invalid rate '" + text + "': unknown unit '" + unit + "'; expected " + VALID_FORMS);
        };
        double perSecond = count / seconds;
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("invalid rate '" + text + "'; expected " + VALID_FORMS);
        }
        if (perSecond < MIN_PER_SECOND) {
            throw new IllegalArgumentException("invalid rate '" + text + "'" + TOO_SLOW);
        }
        return new Rate(perSecond);
    }

    /** Returns the rate in records per second. */
    public double perSecond() {
        return perSecond;
    }

    /** Returns the mean gap between records in nanoseconds. */
    public double gapNanos() {
        return 1e9 / perSecond;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rate that && Double.compare(perSecond, that.perSecond) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(perSecond);
    }

    /** Returns the rate as {@code N/s}, a form {@link #parse} accepts. */
    @Override
    public String toString() {
        String number = perSecond == Math.rint(perSecond) && perSecond < 1e15
                ? Long.toString((long) perSecond)
                : Double.toString(perSecond);
        return number + "/s";
    }
}
