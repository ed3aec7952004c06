package dev.kafkasim.kafka.streams;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import dev.kafkasim.kafka.sink.KafkasimHeaders;
import dev.kafkasim.kafka.streams.internal.TopicSerializers;
import dev.kafkasim.kafka.streams.internal.TopicSerializers.Encoded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Pipes generated records into a Kafka Streams {@link TopologyTestDriver}, so that a scenario written for a broker
 * runs unchanged against a topology under test: only the sink differs.
 *
 * <pre>{@code
 * try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
 *     TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
 *             .wallClockInterval(Duration.ofSeconds(1))
 *             .build();
 *     try (SimulatorEngine engine = SimulatorEngine.builder().file(scenario).sink("main", sink).build()) {
 *         engine.start();
 *         engine.awaitCompletion(Duration.ofSeconds(30));
 *     }
 *     // read the driver's output topics
 * }
 * }</pre>
 *
 * <p><b>Serialization.</b> For a topic given an application serializer with {@link Builder#keySerializer} or
 * {@link Builder#valueSerializer}, the sink passes the record's key as it is, and its value as a
 * {@link RecordValue} or converted by the given function, to that serializer. Otherwise it pipes the bytes of the
 * scenario's formats, the same bytes the Kafka sink sends. Raw payloads (poison records) are piped as they are and
 * tombstones as {@code null}, whatever the serializer.
 *
 * <p><b>Time.</b> Each record's timestamp is its event time, which moves the driver's stream time. The driver's
 * wall-clock time follows the event time: whenever the highest event time seen has moved on by the wall-clock
 * interval since the last advance, the sink calls {@link TopologyTestDriver#advanceWallClockTime} by that much
 * before piping the record, so wall-clock punctuations fire between the records they would fall between on a
 * broker. Late records never move either clock back.
 *
 * <p><b>Headers.</b> Every record carries the {@link KafkasimHeaders} {@code kafkasim.stream}, {@code kafkasim.seq},
 * {@code kafkasim.run} and, on injected records, {@code kafkasim.fault}, followed by the record's own headers. The
 * Kafka sink's {@code kafkasim.sent-at} is left out because it would be the wall clock of the test JVM, not of the
 * driver.
 *
 * <p>Each record completes its callback before {@link #send} returns: acknowledged once piped, failed with a
 * {@link KafkasimException} (caused by what the topology threw) when {@code pipeInput} throws. The driver is not
 * thread-safe, so read its output topics only after the run has finished. The sink does not close the driver.
 */
public final class TopologyTestDriverSink implements Sink {
    private final TopologyTestDriver driver;
    private final Map<String, TopicSerializers> serializers;
    private final Duration wallClockInterval;
    private final boolean retainPiped;

    private final Map<String, TestInputTopic<Object, Object>> inputTopics = new HashMap<>();
    private final List<SimRecord> piped = Collections.synchronizedList(new ArrayList<>());
    private Map<String, StreamBinding> streams = Map.of();
    private String sinkName = "topology-test-driver";
    private byte[] runId;
    private long wallClockEventTime = Long.MIN_VALUE;
    private long maxEventTime = Long.MIN_VALUE;
    private volatile long acknowledged;
    private volatile long failed;
    private volatile boolean closed;

    private TopologyTestDriverSink(Builder builder) {
        this.driver = builder.driver;
        this.serializers = Map.copyOf(builder.serializers);
        this.wallClockInterval = builder.wallClockInterval;
        this.retainPiped = builder.retainPiped;
    }

    /**
     * Returns a builder for a sink that pipes into the given driver.
     *
     * @param driver the driver of the topology under test; the caller creates and closes it
     * @return a new builder
     */
    public static Builder builder(TopologyTestDriver driver) {
        return new Builder(Objects.requireNonNull(driver, "driver"));
    }

    /**
     * Returns a sink that pipes the bytes of the scenario's formats into the given driver, advancing its wall
     * clock every second of event time.
     *
     * @param driver the driver of the topology under test; the caller creates and closes it
     * @return a new sink
     */
    public static TopologyTestDriverSink of(TopologyTestDriver driver) {
        return builder(driver).build();
    }

    @Override
    public void open(SinkContext context) {
        if (runId != null || closed) {
            throw new IllegalStateException("TopologyTestDriver sink '" + sinkName + "' was opened already");
        }
        sinkName = context.sinkName();
        runId = utf8(context.runId());
        Map<String, StreamBinding> bindings = new HashMap<>();
        for (StreamBinding binding : context.streams()) {
            bindings.put(binding.stream(), binding);
        }
        streams = bindings;
        checkSerializedTopics(context.streams());
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        Throwable error = null;
        try {
            pipe(record);
        } catch (RuntimeException e) {
            error = new KafkasimException(
                    "TopologyTestDriver sink '" + sinkName + "' failed to pipe record " + record.sequence()
                            + " of stream '" + record.stream() + "' into topic '" + record.topic() + "': "
                            + describe(e),
                    e);
        }
        complete(record, callback, error);
    }

    /** Does nothing: every record has completed its callback when {@link #send} returns. */
    @Override
    public void flush() {
        // Piping is synchronous.
    }

    /** Stops accepting records; the driver stays open and its output topics stay readable. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    /** Returns the number of records piped without an error so far. */
    public long acknowledgedCount() {
        return acknowledged;
    }

    /** Returns the number of records whose piping failed so far. */
    public long failedCount() {
        return failed;
    }

    /**
     * Returns the records piped without an error, in the order piped, when the builder asked for
     * {@link Builder#retainPipedRecords()}.
     *
     * @return a copy of the list
     * @throws IllegalStateException if the sink does not retain piped records
     */
    public List<SimRecord> pipedRecords() {
        if (!retainPiped) {
            throw new IllegalStateException(
                    "this TopologyTestDriver sink does not retain piped records; build it with retainPipedRecords()");
        }
        synchronized (piped) {
            return new ArrayList<>(piped);
        }
    }

    /**
     * Returns the records of one stream piped without an error, in the order piped.
     *
     * @param stream the stream name
     * @return a new list
     * @throws IllegalStateException if the sink does not retain piped records
     */
    public List<SimRecord> pipedRecords(String stream) {
        return pipedRecords().stream().filter(r -> r.stream().equals(stream)).toList();
    }

    @Override
    public String toString() {
        return "TopologyTestDriverSink{name=" + sinkName + ", serializedTopics=" + serializers.keySet()
                + ", wallClockInterval=" + wallClockInterval + ", acknowledged=" + acknowledged + ", failed="
                + failed + "}";
    }

    private void pipe(SimRecord record) {
        if (runId == null) {
            throw new IllegalStateException("the sink is not open");
        }
        if (closed) {
            throw new IllegalStateException("the sink is closed");
        }
        StreamBinding binding = streams.get(record.stream());
        if (binding == null) {
            throw new IllegalArgumentException(
                    "the sink does not receive this stream; its streams are " + streams.keySet());
        }
        TopicSerializers topicSerializers = serializers.get(record.topic());
        Object key = key(record, binding, topicSerializers);
        Object value = value(record, binding, topicSerializers);
        advanceWallClock(record.timestamp());
        inputTopic(record.topic())
                .pipeInput(new TestRecord<>(key, value, headers(record), Instant.ofEpochMilli(record.timestamp())));
    }

    private static Object key(SimRecord record, StreamBinding binding, TopicSerializers topicSerializers) {
        if (record.key() == null) {
            return null;
        }
        if (topicSerializers != null && topicSerializers.hasKeySerializer()) {
            return record.key();
        }
        return new Encoded(binding.keyEncoder().encode(record.key()));
    }

    private static Object value(SimRecord record, StreamBinding binding, TopicSerializers topicSerializers) {
        Object value = record.value();
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return new Encoded(raw);
        }
        if (topicSerializers != null && topicSerializers.hasValueSerializer()) {
            return value;
        }
        return new Encoded(binding.valueEncoder().encode(value));
    }

    /** Moves the driver's wall clock by whole intervals once the highest event time has passed the next one. */
    private void advanceWallClock(long eventTime) {
        if (wallClockInterval == null) {
            return;
        }
        if (maxEventTime == Long.MIN_VALUE) {
            maxEventTime = eventTime;
            wallClockEventTime = eventTime;
            return;
        }
        maxEventTime = Math.max(maxEventTime, eventTime);
        long elapsed = maxEventTime - wallClockEventTime;
        long interval = wallClockInterval.toMillis();
        long step = interval == 0 ? elapsed : elapsed - elapsed % interval;
        if (step > 0) {
            driver.advanceWallClockTime(Duration.ofMillis(step));
            wallClockEventTime += step;
        }
    }

    private TestInputTopic<Object, Object> inputTopic(String topic) {
        return inputTopics.computeIfAbsent(topic, name -> {
            TopicSerializers topicSerializers = serializers.getOrDefault(name, TopicSerializers.NONE);
            return driver.createInputTopic(name, topicSerializers.keySerializer(), topicSerializers.valueSerializer());
        });
    }

    private Headers headers(SimRecord record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkasimHeaders.STREAM, utf8(record.stream()));
        headers.add(KafkasimHeaders.SEQUENCE, utf8(Long.toString(record.sequence())));
        headers.add(KafkasimHeaders.RUN, runId);
        if (record.fault() != null) {
            headers.add(KafkasimHeaders.FAULT, utf8(record.fault()));
        }
        for (SimHeader header : record.headers()) {
            headers.add(header.name(), header.value() == null ? null : utf8(header.value()));
        }
        return headers;
    }

    private void complete(SimRecord record, SendCallback callback, Throwable error) {
        if (error == null) {
            acknowledged++;
            if (retainPiped) {
                piped.add(record);
            }
        } else {
            failed++;
        }
        callback.onCompletion(record, error);
    }

    private void checkSerializedTopics(List<StreamBinding> bindings) {
        List<String> topics = bindings.stream().map(StreamBinding::topic).toList();
        for (String topic : serializers.keySet()) {
            if (!topics.contains(topic)) {
                throw new KafkasimException("TopologyTestDriver sink '" + sinkName + "' has serializers for topic '"
                        + topic + "', which none of its streams sends to; its topics are " + topics);
            }
        }
    }

    /** Adds the root cause's message, because Kafka Streams wraps the topology's error in a generic one. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getMessage() + ": " + root;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Configures a {@link TopologyTestDriverSink}. Defaults: the scenario's format bytes for every topic, the wall
     * clock advanced every second of event time, piped records not retained.
     */
    public static final class Builder {
        private final TopologyTestDriver driver;
        private final Map<String, TopicSerializers> serializers = new LinkedHashMap<>();
        private Duration wallClockInterval = Duration.ofSeconds(1);
        private boolean retainPiped;

        private Builder(TopologyTestDriver driver) {
            this.driver = driver;
        }

        /**
         * Sets the serializer of one topic's keys. The sink passes each record's key to it as it is, such as the
         * {@code String} of a pattern field or the {@code Long} of a sequence field.
         *
         * @param topic the input topic
         * @param serializer the application's key serializer
         * @param <K> the key type the serializer accepts
         * @return this builder
         */
        public <K> Builder keySerializer(String topic, Serializer<K> serializer) {
            return keySerializer(topic, serializer, key -> castKey(key));
        }

        /**
         * Sets the serializer of one topic's keys, with a function that converts each record's key first.
         *
         * @param topic the input topic
         * @param serializer the application's key serializer
         * @param converter turns the record's key into what the serializer accepts
         * @param <K> the key type the serializer accepts
         * @return this builder
         */
        public <K> Builder keySerializer(
                String topic, Serializer<K> serializer, Function<Object, ? extends K> converter) {
            Objects.requireNonNull(serializer, "serializer");
            Objects.requireNonNull(converter, "converter");
            serializers.merge(
                    requireTopic(topic),
                    TopicSerializers.NONE.withKey(serializer, converter),
                    (current, added) -> current.withKey(serializer, converter));
            return this;
        }

        /**
         * Sets the serializer of one topic's values. The sink passes each record's {@link RecordValue} to it.
         *
         * @param topic the input topic
         * @param serializer the application's value serializer
         * @return this builder
         */
        public Builder valueSerializer(String topic, Serializer<RecordValue> serializer) {
            return valueSerializer(topic, serializer, Function.identity());
        }

        /**
         * Sets the serializer of one topic's values, with a function that converts each record's value first, such
         * as into the application's own value class.
         *
         * @param topic the input topic
         * @param serializer the application's value serializer
         * @param converter turns the record's value into what the serializer accepts
         * @param <V> the value type the serializer accepts
         * @return this builder
         */
        public <V> Builder valueSerializer(
                String topic, Serializer<V> serializer, Function<? super RecordValue, ? extends V> converter) {
            Objects.requireNonNull(serializer, "serializer");
            Objects.requireNonNull(converter, "converter");
            serializers.merge(
                    requireTopic(topic),
                    TopicSerializers.NONE.withValue(serializer, converter),
                    (current, added) -> current.withValue(serializer, converter));
            return this;
        }

        /**
         * Sets how much event time passes between advances of the driver's wall clock. Zero advances it with every
         * record that moves event time forward. Default 1 second.
         *
         * @param interval zero or more
         * @return this builder
         * @throws IllegalArgumentException if the interval is negative
         */
        public Builder wallClockInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("wall-clock interval must not be negative but was " + interval);
            }
            this.wallClockInterval = interval;
            return this;
        }

        /**
         * Leaves the driver's wall clock where it is, so that only the test moves it.
         *
         * @return this builder
         */
        public Builder fixedWallClock() {
            this.wallClockInterval = null;
            return this;
        }

        /**
         * Keeps every record piped without an error, readable with {@link TopologyTestDriverSink#pipedRecords()}.
         * Memory grows with every record: bound the run with a count or duration.
         *
         * @return this builder
         */
        public Builder retainPipedRecords() {
            this.retainPiped = true;
            return this;
        }

        /**
         * Creates the sink.
         *
         * @return a sink, opened by the engine
         */
        public TopologyTestDriverSink build() {
            return new TopologyTestDriverSink(this);
        }

        @Override
        public String toString() {
            return "TopologyTestDriverSink.Builder{serializedTopics=" + serializers.keySet() + ", wallClockInterval="
                    + wallClockInterval + ", retainPipedRecords=" + retainPiped + "}";
        }

        private static String requireTopic(String topic) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("topic must not be blank but was '" + topic + "'");
            }
            return topic;
        }

        @SuppressWarnings("unchecked")
        private static <K> K castKey(Object key) {
            return (K) key;
        }
    }
}
