package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.internal.Origins;
import dev.kafkasim.core.internal.SecretKeys;
import dev.kafkasim.core.internal.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A typed view of one plugin's configuration block, shared by {@link GeneratorSpec}, {@link SinkSpec} and
 * {@link FormatSpec}.
 *
 * <p>Getters never throw on bad input. They record a {@link ConfigProblem} naming the HOCON path, the file and
 * line, the rejected value and what would be valid, and return the given default (or a neutral value for a
 * required parameter). The engine reads every plugin's block, then reports all problems at once. A plugin should
 * therefore read all its parameters before it validates them together, and must not assume that a value it was
 * given is valid when {@link #hasProblems()} is true.
 *
 * <p>Every key a plugin reads, or names in {@link #accept(String...)}, is a known key. After the plugin is
 * created, the engine reports each other key in the block as unknown, with the closest known key as a hint.
 */
public abstract class PluginSpec {
    private final String path;
    private final Config config;
    private final ConfigOrigin origin;
    private final List<ConfigProblem> problems;
    private final Set<String> knownKeys = new LinkedHashSet<>();

    /**
     * Creates a view of one block.
     *
     * @param path the full HOCON path of the block, such as {@code simulation.streams.sensors.fields.humidity}
     * @param config the block itself
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added; shared with the caller
     */
    protected PluginSpec(String path, Config config, ConfigOrigin origin, List<ConfigProblem> problems) {
        this(path, config, origin, problems, true);
    }

    /**
     * Creates a view of one block that may or may not declare a {@code type}.
     *
     * @param path the full HOCON path of the block
     * @param config the block itself
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added; shared with the caller
     * @param typed whether {@code type} is a known key of the block
     */
    protected PluginSpec(String path, Config config, ConfigOrigin origin, List<ConfigProblem> problems, boolean typed) {
        this.path = Objects.requireNonNull(path, "path");
        this.config = Objects.requireNonNull(config, "config");
        this.origin = origin;
        this.problems = Objects.requireNonNull(problems, "problems");
        if (typed) {
            knownKeys.add("type");
        }
    }

    /** Returns the full HOCON path of this block. */
    public final String path() {
        return path;
    }

    /** Returns the raw block, for plugins that pass a whole sub-tree on (such as client properties). */
    public final Config config() {
        return config;
    }

    /** Returns the type name the block declares with {@code type = ...}, or {@code null} when it has none. */
    public final String type() {
        return config.hasPath("type") ? config.getValue("type").unwrapped().toString() : null;
    }

    /**
     * Returns whether the block sets a key, and marks the key as known.
     *
     * @param key a key relative to this block, such as {@code stddev}
     */
    public final boolean has(String key) {
        knownKeys.add(topKey(key));
        return config.hasPath(key);
    }

    /**
     * Marks keys as known without reading them, for parameters read later or only in some modes.
     *
     * @param keys keys relative to this block
     */
    public final void accept(String... keys) {
        for (String key : keys) {
            knownKeys.add(topKey(key));
        }
    }

    /** Returns a required number, or {@code 0} after recording a problem when it is missing or not a number. */
    public final double getDouble(String key) {
        return has(key) ? readDouble(key, 0) : missing(key, "a number", 0.0);
    }

    /** Returns an optional number, or {@code fallback} when it is absent or invalid. */
    public final double getDouble(String key, double fallback) {
        return has(key) ? readDouble(key, fallback) : fallback;
    }

    /** Returns a required whole number, or {@code 0} after recording a problem. */
    public final long getLong(String key) {
        return has(key) ? readLong(key, 0) : missing(key, "a whole number", 0L);
    }

    /** Returns an optional whole number, or {@code fallback} when it is absent or invalid. */
    public final long getLong(String key, long fallback) {
        return has(key) ? readLong(key, fallback) : fallback;
    }

    /** Returns an optional whole number within the {@code int} range, or {@code fallback}. */
    public final int getInt(String key, int fallback) {
        long value = getLong(key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            reject(key, value, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            return fallback;
        }
        return (int) value;
    }

    /** Returns a required string, or {@code ""} after recording a problem. */
    public final String getString(String key) {
        return has(key) ? readString(key, "") : missing(key, "a string", "");
    }

    /** Returns an optional string, or {@code fallback} when it is absent or invalid. */
    public final String getString(String key, String fallback) {
        return has(key) ? readString(key, fallback) : fallback;
    }

    /** Returns an optional boolean, or {@code fallback} when it is absent or invalid. */
    public final boolean getBoolean(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        try {
            return config.getBoolean(key);
        } catch (ConfigException.WrongType e) {
            reject(key, rendered(key), "true or false");
            return fallback;
        }
    }

    /** Returns an optional duration in HOCON's units ({@code 30s}, {@code 5 minutes}), or {@code fallback}. */
    public final Duration getDuration(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        try {
            return config.getDuration(key);
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            reject(key, rendered(key), "a duration such as 500ms, 30s or 5m");
            return fallback;
        }
    }

    /** Returns a required list of strings, or an empty list after recording a problem. */
    public final List<String> getStringList(String key) {
        if (!has(key)) {
            return missing(key, "a list of strings", List.of());
        }
        try {
            return config.getStringList(key);
        } catch (ConfigException.WrongType e) {
            reject(key, rendered(key), "a list of strings such as [a, b, c]");
            return List.of();
        }
    }

    /**
     * Returns a required object of names to numbers, in declared order (by line, then by name), or an empty map
     * after recording a problem. Used for weights such as {@code values { OK = 97, WARN = 2.5 }}.
     */
    public final Map<String, Double> getWeights(String key) {
        if (!has(key)) {
            return missing(key, "an object of names to numbers", Map.of());
        }
        if (config.getValue(key).valueType() != ConfigValueType.OBJECT) {
            reject(key, rendered(key), "an object of names to numbers, such as { OK = 97, FAIL = 3 }");
            return Map.of();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : Origins.declaredOrder(config.getObject(key))) {
            ConfigValue value = entry.getValue();
            if (value.unwrapped() instanceof Number number) {
                weights.put(entry.getKey(), number.doubleValue());
            } else {
                problems.add(new ConfigProblem(
                        Origins.describe(value.origin()),
                        path + "." + key + "." + entry.getKey(),
                        "invalid value " + value.render() + "; expected a number"));
            }
        }
        return weights;
    }

    /**
     * Records that a parameter's value is invalid.
     *
     * @param key the key relative to this block
     * @param value the rejected value as the user wrote it, shown as {@code [hidden]} when the key names a
     *     credential (a password, a secret or {@code sasl.jaas.config})
     * @param expected what would be valid, such as {@code a number greater than 0}
     */
    public final void reject(String key, Object value, String expected) {
        knownKeys.add(topKey(key));
        ConfigOrigin where = config.hasPath(key) ? config.getValue(key).origin() : origin;
        problems.add(new ConfigProblem(
                Origins.describe(where),
                path + "." + key,
                "invalid value " + (SecretKeys.isSecret(key) ? SecretKeys.MASK : abbreviate(value)) + "; expected "
                        + expected));
    }

    /**
     * Records a problem about one key, at that key's origin.
     *
     * @param key the key relative to this block
     * @param message what is wrong and what would be valid
     */
    public final void problem(String key, String message) {
        knownKeys.add(topKey(key));
        ConfigOrigin where = config.hasPath(key) ? config.getValue(key).origin() : origin;
        problems.add(new ConfigProblem(Origins.describe(where), path + "." + key, message));
    }

    /**
     * Records a problem about the block as a whole, such as two parameters that contradict each other.
     *
     * @param message what is wrong and what would be valid
     */
    public final void problem(String message) {
        problems.add(new ConfigProblem(Origins.describe(origin), path, message));
    }

    /** Returns the number of problems recorded so far in this load, for this block and all others. */
    public final int problemCount() {
        return problems.size();
    }

    /** Returns whether any problem was recorded for this block or elsewhere in the same load. */
    public final boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Returns the keys marked as known so far. */
    public final Set<String> knownKeys() {
        return Set.copyOf(knownKeys);
    }

    /** Records a problem for each top-level key of the block that the plugin never read or accepted. */
    public final void rejectUnknownKeys() {
        Collection<String> present = new TreeSet<>(config.root().keySet());
        for (String key : present) {
            if (!knownKeys.contains(key)) {
                ConfigOrigin where = config.getValue(quoteIfNeeded(key)).origin();
                problems.add(new ConfigProblem(
                        Origins.describe(where),
                        path + "." + key,
                        "unknown key" + Suggestions.didYouMean(key, knownKeys) + knownKeysHint()));
            }
        }
    }

    /** Returns the origin of the block, or {@code null}. */
    public final ConfigOrigin origin() {
        return origin;
    }

    /** Returns the list problems are added to, for subclasses that create nested specs. */
    protected final List<ConfigProblem> problemList() {
        return problems;
    }

    private String knownKeysHint() {
        List<String> keys = new ArrayList<>(knownKeys);
        keys.remove("type");
        return keys.isEmpty() ? "" : " (valid keys: " + String.join(", ", keys) + ")";
    }

    private double readDouble(String key, double fallback) {
        try {
            return config.getDouble(key);
        } catch (ConfigException.WrongType e) {
            reject(key, rendered(key), "a number");
            return fallback;
        }
    }

    private long readLong(String key, long fallback) {
        ConfigValue value = config.getValue(key);
        Object unwrapped = value.unwrapped();
        if (unwrapped instanceof Integer || unwrapped instanceof Long) {
            return ((Number) unwrapped).longValue();
        }
        if (unwrapped instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        reject(key, value.render(), "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        return fallback;
    }

    private String readString(String key, String fallback) {
        ConfigValue value = config.getValue(key);
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            reject(key, value.render(), "a string");
            return fallback;
        }
        Object unwrapped = value.unwrapped();
        return unwrapped == null ? fallback : unwrapped.toString();
    }

    private <T> T missing(String key, String expected, T fallback) {
        problems.add(new ConfigProblem(
                Origins.describe(origin), path + "." + key, "missing required key; expected " + expected));
        return fallback;
    }

    private String rendered(String key) {
        return config.getValue(key).render();
    }

    /** Returns a value's text, shortened to its first 100 characters with the full length when longer. */
    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 100 ? text : text.substring(0, 100) + "... (" + text.length() + " characters)";
    }

    private static String topKey(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String quoteIfNeeded(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
