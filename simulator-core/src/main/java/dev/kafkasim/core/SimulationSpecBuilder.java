package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import dev.kafkasim.core.internal.Origins;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link SimulationSpec} in code. {@link #build()} turns what was set into the same configuration tree a
 * scenario file gives and validates it the same way, so a built spec and a parsed one are interchangeable.
 *
 * <pre>{@code
 * SimulationSpec spec = SimulationSpec.builder()
 *         .seed(42)
 *         .stream("sensors", s -> s
 *                 .topic("iot.sensors")
 *                 .rate("500/s")
 *                 .count(10_000)
 *                 .key("device_id")
 *                 .field("device_id", "pattern", Map.of("format", "sensor-%04d", "cardinality", 200))
 *                 .field("humidity", "normal", Map.of("mean", 55, "stddev", 8)))
 *         .build();
 * }</pre>
 */
public final class SimulationSpecBuilder {
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> sinks = new LinkedHashMap<>();
    private final Map<String, StreamBuilder> streams = new LinkedHashMap<>();
    private ClassLoader classLoader;

    SimulationSpecBuilder() {}

    /** Sets the seed of every random draw. */
    public SimulationSpecBuilder seed(long seed) {
        settings.put("seed", seed);
        return this;
    }

    /** Sets how the schedule maps to the wall clock. */
    public SimulationSpecBuilder clock(ClockMode clock) {
        settings.put("clock", clock.configName());
        return this;
    }

    /** Sets the wall-clock speed factor of the real-time clock. */
    public SimulationSpecBuilder speed(double speed) {
        settings.put("speed", speed);
        return this;
    }

    /** Sets the event time of the first record; {@code null} means the wall clock at start. */
    public SimulationSpecBuilder startTime(Instant startTime) {
        settings.put("start-time", startTime == null ? "now" : startTime.toString());
        return this;
    }

    /** Sets the event-time length of every stream's schedule. */
    public SimulationSpecBuilder duration(Duration duration) {
        settings.put("duration", durationText(duration));
        return this;
    }

    /** Sets the total number of records across all streams. */
    public SimulationSpecBuilder count(long count) {
        settings.put("count", count);
        return this;
    }

    /** Sets the number of records that may be in flight per sink. */
    public SimulationSpecBuilder maxInFlight(int maxInFlight) {
        settings.put("max-in-flight", maxInFlight);
        return this;
    }

    /** Sets the class loader used to find plugins; the thread's context class loader by default. */
    public SimulationSpecBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return this;
    }

    /**
     * Declares a sink.
     *
     * @param name the sink name
     * @param type the sink type, such as {@code kafka}
     * @param parameters the sink's other keys, such as {@code bootstrap-servers}
     */
    public SimulationSpecBuilder sink(String name, String type, Map<String, ?> parameters) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", Objects.requireNonNull(type, "type"));
        block.putAll(parameters);
        sinks.put(Objects.requireNonNull(name, "name"), block);
        return this;
    }

    /**
     * Declares a stream, or changes one declared before.
     *
     * @param name the stream name
     * @param settings sets the stream's topic, rate, fields and other keys
     */
    public SimulationSpecBuilder stream(String name, Consumer<StreamBuilder> settings) {
        settings.accept(streams.computeIfAbsent(Objects.requireNonNull(name, "name"), StreamBuilder::new));
        return this;
    }

    /**
     * Validates what was set and returns the spec.
     *
     * @throws ConfigurationException with every problem found
     */
    public SimulationSpec build() {
        return SimulationSpec.parse(toConfig(), classLoader);
    }

    /** Returns the configuration tree that {@link #build()} validates, rooted at {@code simulation}. */
    public Config toConfig() {
        Counter line = new Counter();
        Config config = ConfigFactory.empty(Origins.BUILDER);
        for (Map.Entry<String, Object> entry : settings.entrySet()) {
            config = with(config, line, entry.getValue(), "simulation", entry.getKey());
        }
        for (Map.Entry<String, Map<String, Object>> sink : sinks.entrySet()) {
            config = with(config, line, sink.getValue(), "simulation", "sinks", sink.getKey());
        }
        for (StreamBuilder stream : streams.values()) {
            config = stream.addTo(config, line);
        }
        if (streams.isEmpty()) {
            config = with(config, line, Map.of(), "simulation", "streams");
        }
        return config;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        settings.forEach((key, value) -> parts.add(key + "=" + value));
        if (!sinks.isEmpty()) {
            parts.add("sinks=" + sinks.keySet());
        }
        parts.add("streams=" + streams.values());
        return "SimulationSpecBuilder{" + String.join(", ", parts) + "}";
    }

    private static Config with(Config config, Counter line, Object value, String... path) {
        ConfigOrigin origin = ConfigOriginFactory.newSimple(Origins.BUILDER).withLineNumber(line.next());
        ConfigValue configValue =
                ConfigValueFactory.fromAnyRef(value, Origins.BUILDER).withOrigin(origin);
        return config.withValue(ConfigUtil.joinPath(path), configValue);
    }

    private static String durationText(Duration duration) {
        return duration == null ? null : duration.toNanos() + "ns";
    }

    /** Numbers the values in the order they were set, so that fields keep their declared order. */
    private static final class Counter {
        private int line;

        int next() {
            return ++line;
        }
    }

    /** Sets one stream's keys and fields. */
    public static final class StreamBuilder {
        private final String name;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();

        private StreamBuilder(String name) {
            this.name = name;
        }

        /** Sets the destination topic; the stream name by default. */
        public StreamBuilder topic(String topic) {
            settings.put("topic", topic);
            return this;
        }

        /** Sets the rate of records. */
        public StreamBuilder rate(Rate rate) {
            settings.put("rate", rate.toString());
            return this;
        }

        /** Sets the rate of records from text such as {@code 500/s} or {@code 12/min}. */
        public StreamBuilder rate(String rate) {
            settings.put("rate", rate);
            return this;
        }

        /** Sets the number of records after which the stream ends. */
        public StreamBuilder count(long count) {
            settings.put("count", count);
            return this;
        }

        /** Sets the event-time length of the stream's schedule. */
        public StreamBuilder duration(Duration duration) {
            settings.put("duration", durationText(duration));
            return this;
        }

        /** Sets the field whose value is the record key. */
        public StreamBuilder key(String field) {
            settings.put("key", field);
            return this;
        }

        /** Sets the value format by type name, such as {@code json}. */
        public StreamBuilder format(String type) {
            settings.put("format", type);
            return this;
        }

        /** Sets the value format with parameters. */
        public StreamBuilder format(String type, Map<String, ?> parameters) {
            settings.put("format", block(type, parameters));
            return this;
        }

        /** Sets the key format by type name, such as {@code string}. */
        public StreamBuilder keyFormat(String type) {
            settings.put("key-format", type);
            return this;
        }

        /** Sets the key format with parameters. */
        public StreamBuilder keyFormat(String type, Map<String, ?> parameters) {
            settings.put("key-format", block(type, parameters));
            return this;
        }

        /**
         * Adds a header with the same text on every record, after the headers added before it.
         *
         * @param header the header name, which may not start with {@code kafkasim.}
         * @param value the text
         */
        public StreamBuilder header(String header, String value) {
            headers.put(Objects.requireNonNull(header, "header"), value);
            return this;
        }

        /**
         * Adds a header whose value a generator draws for each record, after the headers added before it.
         *
         * @param header the header name, which may not start with {@code kafkasim.}
         * @param type the generator type, such as {@code uuid}
         * @param parameters the generator's parameters; nested blocks as maps
         */
        public StreamBuilder header(String header, String type, Map<String, ?> parameters) {
            headers.put(Objects.requireNonNull(header, "header"), block(type, parameters));
            return this;
        }

        /** Sets the sink that receives the stream. */
        public StreamBuilder sink(String sink) {
            settings.put("sink", sink);
            return this;
        }

        /**
         * Adds a field with a generator that takes no parameters, such as {@code uuid}.
         *
         * @param field the field name
         * @param type the generator type
         */
        public StreamBuilder field(String field, String type) {
            return field(field, type, Map.of());
        }

        /**
         * Adds a field, after the fields added before it.
         *
         * @param field the field name
         * @param type the generator type, such as {@code normal}
         * @param parameters the generator's parameters, such as {@code mean} and {@code stddev}; nested blocks as maps
         */
        public StreamBuilder field(String field, String type, Map<String, ?> parameters) {
            fields.put(Objects.requireNonNull(field, "field"), block(type, parameters));
            return this;
        }

        private static Map<String, Object> block(String type, Map<String, ?> parameters) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("type", Objects.requireNonNull(type, "type"));
            block.putAll(parameters);
            return block;
        }

        private Config addTo(Config config, Counter line) {
            for (Map.Entry<String, Object> entry : settings.entrySet()) {
                config = with(config, line, entry.getValue(), "simulation", "streams", name, entry.getKey());
            }
            for (Map.Entry<String, Map<String, Object>> field : fields.entrySet()) {
                config = with(config, line, field.getValue(), "simulation", "streams", name, "fields", field.getKey());
            }
            if (fields.isEmpty()) {
                config = with(config, line, Map.of(), "simulation", "streams", name, "fields");
            }
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                config = with(
                        config, line, header.getValue(), "simulation", "streams", name, "headers", header.getKey());
            }
            return config;
        }

        @Override
        public String toString() {
            return name + settings + " fields=" + fields.keySet()
                    + (headers.isEmpty() ? "" : " headers=" + headers.keySet());
        }
    }
}
