package dev.kafkasim.generators.internal;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.spi.PluginSpec;
import java.time.Duration;

/** Validation rules shared by the built-in generators. Each records a problem on the spec and never throws. */
public final class Parameters {
    /** The largest number of decimal places {@code scale} accepts: a double carries about 15 significant digits. */
    public static final int MAX_SCALE = 15;

    private Parameters() {}

    /*
     * Each check returns false without a second problem when the key is absent or not a number: the getter has then
     * reported it as missing or of the wrong type, or returned a default, which is valid.
     */

    /** Records a problem unless {@code value} is greater than 0, and returns whether it is. */
    public static boolean requirePositive(PluginSpec spec, String key, double value) {
        if (!isNumber(spec, key)) {
            return false;
        }
        if (value > 0 && Double.isFinite(value)) {
            return true;
        }
        spec.reject(key, format(value), "a number greater than 0");
        return false;
    }

    /** Records a problem unless {@code value} is at least {@code least}, and returns whether it is. */
    public static boolean requireAtLeast(PluginSpec spec, String key, long value, long least) {
        if (!isNumber(spec, key)) {
            return false;
        }
        if (value >= least) {
            return true;
        }
        spec.reject(key, value, "a whole number of at least " + least);
        return false;
    }

    /** Records a problem unless {@code value} is a finite number, and returns whether it is. */
    public static boolean requireFinite(PluginSpec spec, String key, double value) {
        if (!isNumber(spec, key)) {
            return false;
        }
        if (Double.isFinite(value)) {
            return true;
        }
        spec.reject(key, format(value), "a finite number");
        return false;
    }

    /** Records a problem unless {@code value} is a probability from 0 to 1, and returns whether it is. */
    public static boolean requireProbability(PluginSpec spec, String key, double value) {
        if (!isNumber(spec, key)) {
            return false;
        }
        if (value >= 0 && value <= 1) {
            return true;
        }
        spec.reject(key, format(value), "a probability from 0 to 1");
        return false;
    }

    /** Records a problem unless {@code min <= max}, and returns whether the range is valid. */
    public static boolean requireOrdered(PluginSpec spec, String minKey, double min, String maxKey, double max) {
        if (!isNumber(spec, minKey) || !isNumber(spec, maxKey)) {
            return false;
        }
        if (min <= max) {
            return true;
        }
        spec.problem(minKey + " (" + format(min) + ") must not be greater than " + maxKey + " (" + format(max) + ")");
        return false;
    }

    /** Records a problem unless {@code min <= max}, and returns whether the range is valid. */
    public static boolean requireOrdered(PluginSpec spec, String minKey, long min, String maxKey, long max) {
        if (!isNumber(spec, minKey) || !isNumber(spec, maxKey)) {
            return false;
        }
        if (min <= max) {
            return true;
        }
        spec.problem(minKey + " (" + min + ") must not be greater than " + maxKey + " (" + max + ")");
        return false;
    }

    /**
     * Returns a required positive duration, or {@code null} after recording a problem when it is missing, invalid or
     * not greater than 0.
     */
    public static Duration requiredPositiveDuration(PluginSpec spec, String key, String example) {
        if (!spec.has(key)) {
            spec.problem("missing required key '" + key + "'; expected a duration such as " + example);
            return null;
        }
        Duration duration = spec.getDuration(key, null);
        if (duration == null) {
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            spec.reject(key, spec.config().getValue(key).render(), "a duration greater than 0, such as " + example);
            return null;
        }
        return duration;
    }

    /** Returns whether the block sets a key to an empty object, {@code {}}. */
    public static boolean isEmptyObject(PluginSpec spec, String key) {
        return spec.has(key)
                && spec.config().getValue(key).valueType() == ConfigValueType.OBJECT
                && spec.config().getObject(key).isEmpty();
    }

    /** Returns whether the block sets a key to a number, or to text that reads as one. */
    public static boolean isNumber(PluginSpec spec, String key) {
        if (!spec.config().hasPath(key)) {
            return false;
        }
        try {
            spec.config().getDouble(key);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * Returns the optional {@code scale} parameter (decimal places to round to), or {@code -1} when it is absent or
     * invalid.
     */
    public static int scale(PluginSpec spec) {
        if (!spec.has("scale")) {
            return -1;
        }
        long scale = spec.getLong("scale", -1);
        if (scale < 0 || scale > MAX_SCALE) {
            spec.reject("scale", spec.config().getValue("scale").render(), "a whole number from 0 to " + MAX_SCALE);
            return -1;
        }
        return (int) scale;
    }

    /** Returns a value as HOCON text on one line, such as {@code {}} or {@code [a, b]}, for error messages. */
    public static String render(ConfigValue value) {
        return value.render(ConfigRenderOptions.concise().setJson(false)).strip();
    }

    /**
     * Returns a number as the user would write it: {@code 2} rather than {@code 2.0}.
     *
     * @param value the number
     */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
