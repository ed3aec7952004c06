package dev.kafkasim.kafka.sink;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorMetrics;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import dev.kafkasim.kafka.sink.internal.PendingSends;
import dev.kafkasim.kafka.sink.internal.ProducerDefaults;
import dev.kafkasim.kafka.sink.internal.SecretMasking;
import dev.kafkasim.kafka.sink.internal.TopicPreparer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records to Kafka with a {@link KafkaProducer}.
 *
 * <p>The stream's encoders turn keys and values into bytes; a {@code byte[]} value is sent as it is and a
 * {@code null} value is sent as a tombstone. The record's timestamp is its event time. Every record carries the
 * {@link KafkasimHeaders} (stream, sequence number, send time, run id, and the fault when one produced it) before
 * its own headers.
 *
 * <p>Every record completes its callback exactly once. Errors are never swallowed: an error the producer reports
 * later, an exception {@code send} throws at once (such as a full buffer), and records still pending at
 * {@link #close()} all complete with an error and are counted in {@link #failedCount()}. A timeout names the
 * bootstrap servers.
 *
 * <p>Per stream it registers the timer {@value SimulatorMetrics#SEND_LATENCY} (from {@code send} to the producer's
 * callback) and the counter {@value SimulatorMetrics#BYTES_SENT} (key and value bytes) in the engine's registry, and
 * removes them on {@link #close()}.
 *
 * <p>Created by {@link KafkaSinkProvider} from a {@code type = kafka} block, or in code with {@link #builder()}.
 * Not thread-safe: {@link #send} is called from one thread.
 */
public final class KafkaSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private final String bootstrapServers;
    private final Map<String, String> producerProperties;
    private final boolean createTopics;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> topicConfig;
    private final Duration closeTimeout;
    private final boolean kafkasimHeaders;

    private String sinkName = "kafka";
    private byte[] runId;
    private Map<String, StreamHeaders> streams = Map.of();
    private PendingSends pending;
    private MeterRegistry meterRegistry;
    private final List<Meter> meters = new ArrayList<>();
    private Producer<byte[], byte[]> producer;
    private volatile boolean closed;

    private KafkaSink(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.producerProperties = ProducerDefaults.effective(builder.bootstrapServers, builder.producerProperties);
        this.createTopics = builder.createTopics;
        this.partitions = builder.partitions;
        this.replicationFactor = (short) builder.replicationFactor;
        this.topicConfig = Map.copyOf(builder.topicConfig);
        this.closeTimeout = builder.closeTimeout;
        this.kafkasimHeaders = builder.kafkasimHeaders;
    }

    /**
     * Returns a builder for a sink configured in code.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects to the cluster: creates missing topics when {@code create-topics} is on, creates the producer and
     * fetches each topic's metadata, so that an unreachable cluster or a missing topic fails here, within
     * {@code max.block.ms}.
     *
     * @throws KafkasimException if the cluster cannot be reached, a topic cannot be created or found, or the
     *     producer properties are invalid; the message names the bootstrap servers
     */
    @Override
    public void open(SinkContext context) {
        if (producer != null || closed) {
            throw new IllegalStateException("Kafka sink '" + sinkName + "' was opened already");
        }
        sinkName = context.sinkName();
        runId = utf8(context.runId());
        meterRegistry = context.meterRegistry();
        streams = streamHeaders(context.streams());
        pending = new PendingSends(sinkName, this::describeError);
        Set<String> topics = topics(context.streams());
        if (createTopics) {
            new TopicPreparer(producerProperties, maxBlock())
                    .createMissing(topics, partitions, replicationFactor, topicConfig);
        }
        producer = createProducer();
        fetchMetadata(topics);
        LOG.info("Kafka sink '{}' connected to {} for topics {}", sinkName, bootstrapServers, topics);
    }

    /**
     * Sends a record asynchronously. Blocks only while the producer's buffer is full or metadata is missing, for
     * at most {@code max.block.ms}.
     */
    @Override
    public void send(SimRecord record, SendCallback callback) {
        if (pending == null) {
            callback.onCompletion(record, new IllegalStateException("Kafka sink '" + sinkName + "' is not open"));
            return;
        }
        StreamHeaders stream = streams.get(record.stream());
        PendingSends.Pending send = pending.add(record, callback, stream == null ? null : stream.sendLatency());
        if (closed) {
            send.complete(new IllegalStateException("Kafka sink '" + sinkName + "' is closed"));
            return;
        }
        try {
            producer.send(toProducerRecord(record, stream), send);
        } catch (RuntimeException e) {
            send.complete(e);
        }
    }

    /** Blocks until every record sent so far is acknowledged or has failed, for at most {@code delivery.timeout.ms}. */
    @Override
    public void flush() {
        if (producer != null && !closed) {
            producer.flush();
        }
    }

    /**
     * Waits up to {@code close-timeout} for pending records, closes the producer, then completes every record still
     * pending with an error. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close(closeTimeout);
        }
        if (pending != null) {
            int abandoned = pending.failAll(new KafkasimException("Kafka sink '" + sinkName
                    + "' closed before the record was acknowledged by " + bootstrapServers + " (close-timeout "
                    + closeTimeout.toMillis() + " ms)"));
            logClose(abandoned);
        }
        removeMeters();
    }

    /** Returns the number of records acknowledged by the cluster so far. */
    public long acknowledgedCount() {
        return pending == null ? 0 : pending.acknowledged();
    }

    /** Returns the number of records that failed so far. */
    public long failedCount() {
        return pending == null ? 0 : pending.failed();
    }

    /** Returns the cluster's addresses, as configured. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns the properties the producer is created with, secrets included; do not log them. */
    public Map<String, String> producerProperties() {
        return Map.copyOf(producerProperties);
    }

    /** Returns the sink's settings with every secret producer property masked. */
    @Override
    public String toString() {
        return "KafkaSink{name=" + sinkName + ", bootstrapServers=" + bootstrapServers + ", producer="
                + SecretMasking.mask(producerProperties) + ", createTopics=" + createTopics + ", partitions="
                + partitions + ", replicationFactor=" + replicationFactor + ", topicConfig=" + topicConfig
                + ", closeTimeout=" + closeTimeout + ", kafkasimHeaders=" + kafkasimHeaders + "}";
    }

    private Producer<byte[], byte[]> createProducer() {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        try {
            return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new KafkasimException(
                    "Kafka sink '" + sinkName + "' could not create a producer for " + bootstrapServers + ": "
                            + SecretMasking.scrub(rootMessage(e), producerProperties),
                    e);
        }
    }

    private void fetchMetadata(Set<String> topics) {
        for (String topic : topics) {
            try {
                producer.partitionsFor(topic);
            } catch (KafkaException e) {
                producer.close(Duration.ZERO);
                producer = null;
                closed = true;
                removeMeters();
                throw new KafkasimException(
                        "Kafka sink '" + sinkName + "' could not fetch metadata of topic '"
                                + topic + "' from bootstrap-servers " + bootstrapServers + " within "
                                + maxBlock().toMillis()
                                + " ms: " + SecretMasking.scrub(e.getMessage(), producerProperties) + hint(),
                        e);
            }
        }
    }

    private String hint() {
        return createTopics
                ? "; check that the cluster is running and reachable at that address"
                : "; check that the cluster is reachable and that the topic exists (create-topics = false)";
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(SimRecord record, StreamHeaders stream) {
        if (stream == null) {
            throw new IllegalArgumentException("Kafka sink '" + sinkName + "' does not receive stream '"
                    + record.stream() + "'; its streams are " + streams.keySet());
        }
        byte[] key = encode(record.key(), stream.binding().keyEncoder());
        byte[] value = encode(record.value(), stream.binding().valueEncoder());
        stream.bytesSent().increment(length(key) + length(value));
        ProducerRecord<byte[], byte[]> producerRecord =
                new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), key, value);
        addHeaders(producerRecord.headers(), record, stream);
        return producerRecord;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] encode(Object value, dev.kafkasim.core.spi.RecordEncoder encoder) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes : encoder.encode(value);
    }

    /**
     * Adds the kafkasim headers unless they are turned off, then the record's own. They go straight into the
     * producer record's headers, because a list passed to its constructor would be copied header by header.
     */
    private void addHeaders(Headers headers, SimRecord record, StreamHeaders stream) {
        if (kafkasimHeaders) {
            headers.add(stream.streamHeader());
            headers.add(new RecordHeader(KafkasimHeaders.SEQUENCE, asciiDigits(record.sequence())));
            headers.add(new RecordHeader(KafkasimHeaders.SENT_AT, asciiDigits(System.currentTimeMillis())));
            headers.add(new RecordHeader(KafkasimHeaders.RUN, runId));
            if (record.fault() != null) {
                headers.add(new RecordHeader(KafkasimHeaders.FAULT, utf8(record.fault())));
            }
        }
        for (SimHeader header : record.headers()) {
            headers.add(new RecordHeader(header.name(), header.value() == null ? null : utf8(header.value())));
        }
    }

    /** Names the cluster in timeouts, whose Kafka message names only the topic. */
    private Throwable describeError(SimRecord record, Throwable error) {
        if (error instanceof TimeoutException) {
            return new KafkasimException(
                    "Kafka sink '" + sinkName + "' timed out sending record " + record.sequence()
                            + " of stream '" + record.stream() + "' to topic '" + record.topic()
                            + "' at bootstrap-servers "
                            + bootstrapServers + ": " + error.getMessage(),
                    error);
        }
        return error;
    }

    private void logClose(int abandoned) {
        if (abandoned > 0) {
            LOG.warn(
                    "Kafka sink '{}' closed with {} records not acknowledged within {} ms; they were reported"
                            + " as failed",
                    sinkName,
                    abandoned,
                    closeTimeout.toMillis());
        }
        LOG.info(
                "Kafka sink '{}' closed: {} records acknowledged, {} failed",
                sinkName,
                pending.acknowledged(),
                pending.failed());
    }

    private Duration maxBlock() {
        String value = producerProperties.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        try {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(ProducerDefaults.MAX_BLOCK_MS);
        }
    }

    private Map<String, StreamHeaders> streamHeaders(List<StreamBinding> bindings) {
        Map<String, StreamHeaders> headers = new HashMap<>();
        for (StreamBinding binding : bindings) {
            Tags tags = SimulatorMetrics.streamTags(binding.stream(), binding.topic(), sinkName);
            Timer sendLatency = Timer.builder(SimulatorMetrics.SEND_LATENCY)
                    .description("Time from the sink's send to the cluster's acknowledgement or the failure")
                    .tags(tags)
                    .publishPercentiles(SimulatorMetrics.percentiles())
                    .publishPercentileHistogram()
                    .register(meterRegistry);
            Counter bytesSent = Counter.builder(SimulatorMetrics.BYTES_SENT)
                    .description("Key and value bytes handed to the producer, headers excluded")
                    .baseUnit(BaseUnits.BYTES)
                    .tags(tags)
                    .register(meterRegistry);
            meters.add(sendLatency);
            meters.add(bytesSent);
            headers.put(
                    binding.stream(),
                    new StreamHeaders(
                            binding,
                            new RecordHeader(KafkasimHeaders.STREAM, utf8(binding.stream())),
                            sendLatency,
                            bytesSent));
        }
        return headers;
    }

    private void removeMeters() {
        for (Meter meter : meters) {
            meterRegistry.remove(meter);
        }
        meters.clear();
    }

    private static Set<String> topics(List<StreamBinding> bindings) {
        Set<String> topics = new LinkedHashSet<>();
        bindings.forEach(binding -> topics.add(binding.topic()));
        return topics;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getMessage() + ": " + root.getMessage();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the decimal digits of a number as ASCII bytes, the same as {@code Long.toString}, without a String. */
    static byte[] asciiDigits(long number) {
        if (number == Long.MIN_VALUE) {
            return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
        }
        int sign = number < 0 ? 1 : 0;
        long rest = Math.abs(number);
        int length = sign + 1;
        for (long shorter = rest / 10; shorter > 0; shorter /= 10) {
            length++;
        }
        byte[] digits = new byte[length];
        for (int i = length - 1; i >= sign; i--) {
            digits[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        if (sign == 1) {
            digits[0] = '-';
        }
        return digits;
    }

    /**
     * A stream's binding, its ready-made stream header (shared by all its records because it never changes) and
     * its meters.
     */
    private record StreamHeaders(StreamBinding binding, Header streamHeader, Timer sendLatency, Counter bytesSent) {}

    /**
     * Configures a {@link KafkaSink}. Defaults: idempotence on with {@code acks=all}, topics created when missing
     * with 1 partition and replication factor 1, a close timeout of 30 seconds, kafkasim headers on.
     */
    public static final class Builder {
        private String bootstrapServers;
        private final Map<String, String> producerProperties = new LinkedHashMap<>();
        private boolean createTopics = true;
        private int partitions = 1;
        private int replicationFactor = 1;
        private final Map<String, String> topicConfig = new LinkedHashMap<>();
        private Duration closeTimeout = Duration.ofSeconds(30);
        private boolean kafkasimHeaders = true;

        private Builder() {}

        /**
         * Sets the cluster's addresses, such as {@code 127.0.0.1:9092}. Required.
         *
         * @param bootstrapServers a comma-separated list of {@code host:port}
         * @return this builder
         */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /**
         * Sets a producer property, passed to {@link KafkaProducer} as it is, such as {@code linger.ms = 5}.
         *
         * @param name the property name
         * @param value the property value
         * @return this builder
         */
        public Builder producerProperty(String name, String value) {
            producerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets whether missing topics are created on open. Default {@code true}.
         *
         * @param createTopics whether to create missing topics
         * @return this builder
         */
        public Builder createTopics(boolean createTopics) {
            this.createTopics = createTopics;
            return this;
        }

        /**
         * Sets the number of partitions of created topics. Default 1.
         *
         * @param partitions at least 1
         * @return this builder
         */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /**
         * Sets the replication factor of created topics. Default 1.
         *
         * @param replicationFactor from 1 to 32767
         * @return this builder
         */
        public Builder replicationFactor(int replicationFactor) {
            this.replicationFactor = replicationFactor;
            return this;
        }

        /**
         * Sets a topic setting of created topics, replacing the default of the same name. By default created
         * topics keep records forever ({@code retention.ms = -1}) and accept timestamps any distance ahead of the
         * broker's clock ({@code message.timestamp.after.max.ms}), because simulated event times may lie far from
         * the wall clock.
         *
         * @param name the topic setting, such as {@code retention.ms}
         * @param value its value
         * @return this builder
         */
        public Builder topicConfig(String name, String value) {
            topicConfig.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets how long {@link KafkaSink#close()} waits for pending records. Default 30 seconds.
         *
         * @param closeTimeout zero or more
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
            return this;
        }

        /**
         * Sets whether each record carries the {@link KafkasimHeaders}. Default {@code true}. Without them a record
         * is only its key, value, timestamp and its own headers, as an application's producer would send it, but
         * the delivery verifier cannot match records to the run and injected faults are not marked. The four
         * headers add about 110 bytes to a record and, on a 2-core machine, a quarter of the sending thread's CPU
         * time (measured with JFR, see docs/benchmarks.md).
         *
         * @param kafkasimHeaders whether to add the kafkasim headers
         * @return this builder
         */
        public Builder kafkasimHeaders(boolean kafkasimHeaders) {
            this.kafkasimHeaders = kafkasimHeaders;
            return this;
        }

        /**
         * Creates the sink.
         *
         * @return a sink, not yet connected
         * @throws IllegalArgumentException if the bootstrap servers are missing, a count is out of range or the
         *     close timeout is negative
         */
        public KafkaSink build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrap servers are missing; set them, such as 127.0.0.1:9092");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
            }
            if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "replication factor must be from 1 to 32767 but was " + replicationFactor);
            }
            if (closeTimeout.isNegative()) {
                throw new IllegalArgumentException("close timeout must not be negative but was " + closeTimeout);
            }
            return new KafkaSink(this);
        }

        /** Creates the sink from settings that the provider has already validated or reported as invalid. */
        KafkaSink buildUnchecked() {
            return new KafkaSink(this);
        }

        @Override
        public String toString() {
            return "KafkaSink.Builder{bootstrapServers=" + bootstrapServers + ", producer="
                    + SecretMasking.mask(producerProperties) + ", createTopics=" + createTopics + ", partitions="
                    + partitions + ", replicationFactor=" + replicationFactor + ", topicConfig=" + topicConfig
                    + ", closeTimeout=" + closeTimeout + "}";
        }
    }
}
