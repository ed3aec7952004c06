package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.kafkasim.core.internal.Origins;
import dev.kafkasim.core.internal.PluginRegistry;
import dev.kafkasim.core.internal.SpecCatalog;
import dev.kafkasim.core.internal.StreamPlugins;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated simulation: its seed, clock, sinks and streams, parsed from a HOCON scenario or built in code.
 *
 * <p>A scenario file looks like this; every key left out takes its default from {@code reference.conf}:
 *
 * <pre>{@code
 * simulation {
 *   seed = 42
 *   clock = virtual
 *   streams.sensors {
 *     topic = iot.sensors
 *     rate = 500/s
 *     count = 100000
 *     key = device_id
 *     fields {
 *       device_id { type = pattern, format = "sensor-%04d", cardinality = 200 }
 *       humidity  { type = normal, mean = 55, stddev = 8, min = 0, max = 100 }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Parsing checks every key, value and plugin parameter, and reports all problems at once in a
 * {@link ConfigurationException}. Instances are immutable.
 */
public final class SimulationSpec {
    private final long seed;
    private final ClockMode clock;
    private final double speed;
    private final Instant startTime;
    private final Duration duration;
    private final Long count;
    private final int maxInFlight;
    private final Map<String, Config> sinks;
    private final Map<String, StreamSpec> streams;
    private final Config config;

    SimulationSpec(
            long seed,
            ClockMode clock,
            double speed,
            Instant startTime,
            Duration duration,
            Long count,
            int maxInFlight,
            Map<String, Config> sinks,
            Map<String, StreamSpec> streams,
            Config config) {
        this.seed = seed;
        this.clock = clock;
        this.speed = speed;
        this.startTime = startTime;
        this.duration = duration;
        this.count = count;
        this.maxInFlight = maxInFlight;
        this.sinks = Collections.unmodifiableMap(sinks);
        this.streams = Collections.unmodifiableMap(streams);
        this.config = config;
    }

    /**
     * Loads and validates a scenario file.
     *
     * @param file a HOCON file that declares {@code simulation { ... }}
     * @return the spec
     * @throws ConfigurationException if the file is missing, unreadable, not valid HOCON or not a valid scenario
     */
    public static SimulationSpec load(Path file) {
        return load(file, null);
    }

    /**
     * Loads and validates a scenario file, finding plugins with a given class loader.
     *
     * @param file a HOCON file that declares {@code simulation { ... }}
     * @param classLoader where to find plugins, or {@code null} for the thread's context class loader
     * @return the spec
     * @throws ConfigurationException if the file is missing, unreadable, not valid HOCON or not a valid scenario
     */
    public static SimulationSpec load(Path file, ClassLoader classLoader) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(new ConfigProblem(
                    file.toString(), "simulation", "scenario file not found; expected a readable HOCON file"));
        }
        Config root;
        try {
            root = ConfigFactory.parseFile(
                    file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw syntaxError(e);
        }
        return parse(root, classLoader);
    }

    /**
     * Parses and validates a root config that declares {@code simulation { ... }}.
     *
     * @param config the root config
     * @return the spec
     * @throws ConfigurationException with every problem found
     */
    public static SimulationSpec parse(Config config) {
        return parse(config, null);
    }

    /**
     * Parses and validates a root config, finding plugins with a given class loader.
     *
     * @param config the root config
     * @param classLoader where to find plugins, or {@code null} for the thread's context class loader
     * @return the spec
     * @throws ConfigurationException with every problem found
     * @throws DuplicatePluginException if two plugins claim one type name
     */
    public static SimulationSpec parse(Config config, ClassLoader classLoader) {
        return SpecParser.parse(config, PluginRegistry.load(classLoader));
    }

    /**
     * Parses and validates HOCON text.
     *
     * @param hocon the scenario text
     * @param originDescription the name used in problem locations, such as {@code sensors.conf}
     * @return the spec
     * @throws ConfigurationException with every problem found, or the syntax error
     */
    public static SimulationSpec parse(String hocon, String originDescription) {
        Config root;
        try {
            root = ConfigFactory.parseString(
                    hocon, ConfigParseOptions.defaults().setOriginDescription(originDescription));
        } catch (ConfigException e) {
            throw syntaxError(e);
        }
        return parse(root, null);
    }

    /** Returns a builder for a spec in code, validated like a file. */
    public static SimulationSpecBuilder builder() {
        return new SimulationSpecBuilder();
    }

    /**
     * Returns the schema that a stream's key or value format writes, in the format's own notation (Avro's JSON
     * schema), for tools that show it before a run. Plugins are found with the default class loader, as by
     * {@link #parse(Config)}.
     *
     * @param stream the stream name
     * @param key whether to describe the key format rather than the value format
     * @return the schema, or {@code null} for a format without one, such as {@code json}
     * @throws IllegalArgumentException if the spec has no such stream
     * @throws ConfigurationException if the stream's plugins can no longer be created as they were at load
     */
    public String formatSchema(String stream, boolean key) {
        if (!streams.containsKey(stream)) {
            throw new IllegalArgumentException(
                    "no stream '" + stream + "'; the scenario's streams are " + String.join(", ", streams.keySet()));
        }
        PluginRegistry registry = PluginRegistry.load(null);
        SpecCatalog catalog = new SpecCatalog(streams);
        List<ConfigProblem> problems = new ArrayList<>();
        StreamPlugins plugins = null;
        // Streams declared earlier are created first, so references to their fields know their types.
        for (StreamSpec each : streams.values()) {
            plugins = StreamPlugins.create(each, registry, problems, catalog);
            if (each.name().equals(stream)) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        RecordEncoder encoder = key ? plugins.keyEncoder() : plugins.valueEncoder();
        return encoder.schema();
    }

    /** Returns the seed of every random draw. */
    public long seed() {
        return seed;
    }

    /** Returns how the schedule maps to the wall clock. */
    public ClockMode clock() {
        return clock;
    }

    /** Returns the wall-clock speed factor of the real-time clock, greater than 0. */
    public double speed() {
        return speed;
    }

    /** Returns the event time of the first record, or {@code null} for the wall clock at start. */
    public Instant startTime() {
        return startTime;
    }

    /** Returns the event-time length of every stream's schedule, or {@code null} for no limit. */
    public Duration duration() {
        return duration;
    }

    /** Returns the total number of records across all streams, or {@code null} for no limit. */
    public Long count() {
        return count;
    }

    /** Returns the number of records that may be in flight per sink. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** Returns the sink blocks by name, in declared order. */
    public Map<String, Config> sinks() {
        return sinks;
    }

    /** Returns the streams by name, in declared order. */
    public Map<String, StreamSpec> streams() {
        return streams;
    }

    /** Returns the scenario's own {@code simulation} block, without defaults. */
    public Config config() {
        return config;
    }

    @Override
    public String toString() {
        return "SimulationSpec{seed=" + seed + ", clock=" + clock.configName() + ", speed=" + speed + ", start-time="
                + (startTime == null ? "now" : startTime) + ", duration=" + duration + ", count=" + count
                + ", sinks=" + sinks.keySet() + ", streams=" + streams.values() + "}";
    }

    private static ConfigurationException syntaxError(ConfigException e) {
        String message = e.getMessage();
        String origin = Origins.describe(e.origin());
        if (origin != null && message.startsWith(e.origin().description() + ": ")) {
            message = message.substring(e.origin().description().length() + 2);
        }
        return new ConfigurationException(new ConfigProblem(origin, "simulation", message));
    }
}
