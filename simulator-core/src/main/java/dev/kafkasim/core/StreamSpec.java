package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stream of a {@link SimulationSpec}: where its records go, how fast, how many, and how each field is
 * generated. Immutable.
 */
public final class StreamSpec {
    private final String name;
    private final String path;
    private final String topic;
    private final RateSchedule schedule;
    private final FaultSpec faults;
    private final Long count;
    private final Duration duration;
    private final String keyField;
    private final String sink;
    private final Config valueFormat;
    private final Config keyFormat;
    private final Map<String, Config> fields;
    private final Map<String, ConfigOrigin> fieldOrigins;
    private final List<HeaderSpec> headers;
    private final ConfigOrigin origin;
    private final boolean preload;

    StreamSpec(
            String name,
            String path,
            String topic,
            RateSchedule schedule,
            FaultSpec faults,
            Long count,
            Duration duration,
            String keyField,
            String sink,
            Config valueFormat,
            Config keyFormat,
            Map<String, Config> fields,
            Map<String, ConfigOrigin> fieldOrigins,
            List<HeaderSpec> headers,
            ConfigOrigin origin,
            boolean preload) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path;
        this.topic = topic;
        this.schedule = schedule;
        this.faults = faults;
        this.count = count;
        this.duration = duration;
        this.keyField = keyField;
        this.sink = sink;
        this.valueFormat = valueFormat;
        this.keyFormat = keyFormat;
        this.fields = fields;
        this.fieldOrigins = fieldOrigins;
        this.headers = List.copyOf(headers);
        this.origin = origin;
        this.preload = preload;
    }

    /** Returns whether the stream runs to completion, and is acknowledged, before the other streams start. */
    public boolean preload() {
        return preload;
    }

    /** Returns where the stream was declared, or {@code null}. */
    public ConfigOrigin origin() {
        return origin;
    }

    /** Returns the stream name. */
    public String name() {
        return name;
    }

    /** Returns the full HOCON path of the stream's block, such as {@code simulation.streams.sensors}. */
    public String path() {
        return path;
    }

    /** Returns the destination topic. */
    public String topic() {
        return topic;
    }

    /** Returns the rate at the start of the stream's schedule. */
    public Rate rate() {
        return schedule.initialRate();
    }

    /** Returns how the stream's rate changes over event time. */
    public RateSchedule schedule() {
        return schedule;
    }

    /** Returns the faults injected into the stream. */
    public FaultSpec faults() {
        return faults;
    }

    /** Returns the number of records after which the stream ends, or {@code null} for no limit. */
    public Long count() {
        return count;
    }

    /** Returns the event-time length of the stream's schedule, or {@code null} for no limit. */
    public Duration duration() {
        return duration;
    }

    /** Returns the name of the field used as key, or {@code null} for records without a key. */
    public String keyField() {
        return keyField;
    }

    /** Returns the name of the sink that receives the stream, or {@code null} to use the only sink. */
    public String sink() {
        return sink;
    }

    /** Returns the value format block, such as {@code { type = json }}. */
    public Config valueFormat() {
        return valueFormat;
    }

    /** Returns the key format block, such as {@code { type = string }}. */
    public Config keyFormat() {
        return keyFormat;
    }

    /** Returns the user-defined headers sent on every record, in declared order. */
    public List<HeaderSpec> headers() {
        return headers;
    }

    /** Returns the field names in declared order. */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /**
     * Returns a field's generator block, such as {@code { type = normal, mean = 55, stddev = 8 }}.
     *
     * @param field the field name
     * @throws IllegalArgumentException if the stream has no such field
     */
    public Config field(String field) {
        Config config = fields.get(field);
        if (config == null) {
            throw new IllegalArgumentException("stream '" + name + "' has no field '" + field + "'");
        }
        return config;
    }

    /**
     * Returns where a field was declared, or {@code null}.
     *
     * @param field the field name
     */
    public ConfigOrigin fieldOrigin(String field) {
        return fieldOrigins.get(field);
    }

    @Override
    public String toString() {
        return "StreamSpec{name=" + name + ", topic=" + topic + ", rate=" + schedule + ", faults=" + faults + ", count="
                + count + ", duration=" + duration + ", key=" + keyField + ", sink=" + sink + ", fields="
                + fields.keySet() + "}";
    }
}
