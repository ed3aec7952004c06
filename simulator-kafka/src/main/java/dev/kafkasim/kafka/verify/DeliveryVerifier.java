package dev.kafkasim.kafka.verify;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimulatorMetrics;
import dev.kafkasim.kafka.sink.KafkasimHeaders;
import dev.kafkasim.kafka.sink.internal.SecretMasking;
import dev.kafkasim.kafka.verify.internal.StreamTracker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads simulated topics back and checks that every record of a run arrived exactly once.
 *
 * <p>A background {@link KafkaConsumer} reads every partition of the topics from the beginning, with
 * {@code isolation.level=read_committed} and without a consumer group, so nothing is committed. It keeps only
 * records whose {@value KafkasimHeaders#RUN} header equals the run id, and tracks per stream (from the
 * {@value KafkasimHeaders#STREAM} header) which sequence numbers ({@value KafkasimHeaders#SEQUENCE}) it has read.
 * A stream expected to deliver {@code n} records should show each of {@code 0} to {@code n - 1} exactly once.
 *
 * <pre>{@code
 * try (DeliveryVerifier verifier = DeliveryVerifier.builder()
 *         .bootstrapServers(broker.bootstrapServers())
 *         .runId(engine.runId())
 *         .topics(List.of("iot.sensors"))
 *         .build()) {
 *     verifier.start();
 *     DeliveryReport report = verifier.awaitReport(Map.of("sensors", 10_000L), Duration.ofSeconds(30));
 *     report.assertNoLoss();
 *     report.assertNoDuplicates();
 * }
 * }</pre>
 */
public final class DeliveryVerifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryVerifier.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final long REFRESH_WHILE_MISSING_NANOS =
            Duration.ofMillis(200).toNanos();
    private static final long REFRESH_NANOS = Duration.ofSeconds(5).toNanos();

    private final String bootstrapServers;
    private final String runId;
    private final byte[] runIdBytes;
    private final List<String> topics;
    private final Map<String, Object> consumerProperties;

    private final Object lock = new Object();
    private final Map<String, StreamTracker> trackers = new HashMap<>();
    private final Map<String, StreamMeters> streamMeters = new HashMap<>();
    private final Map<String, Counter> ignoredCounters = new HashMap<>();
    private final MeterRegistry meterRegistry;
    private final List<Meter> meters = new ArrayList<>();
    private final AtomicLong ignored = new AtomicLong();
    private boolean caughtUp;
    private long unmarked;
    private Throwable failure;

    private final Set<TopicPartition> assigned = new HashSet<>();
    private long nextRefresh;
    private boolean topicMissing = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    private DeliveryVerifier(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.runId = builder.runId;
        this.runIdBytes = builder.runId.getBytes(StandardCharsets.UTF_8);
        this.topics = List.copyOf(builder.topics);
        this.consumerProperties = consumerProperties(builder);
        this.meterRegistry = builder.meterRegistry;
    }

    /**
     * Returns a builder. Bootstrap servers, run id and topics are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts reading in a background thread, from the beginning of every partition of the topics. Topics that do
     * not exist yet are read once they appear.
     *
     * @throws IllegalStateException if the verifier was started already
     * @throws KafkasimException if the consumer properties are invalid
     */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("the delivery verifier was started already");
            }
            try {
                consumer = new KafkaConsumer<>(
                        consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            } catch (KafkaException e) {
                throw new KafkasimException(
                        "Could not create the verifier's consumer for " + bootstrapServers + ": "
                                + SecretMasking.scrub(e.getMessage(), secretsOf(consumerProperties)),
                        e);
            }
            running = true;
            thread = new Thread(this::run, "kafkasim-verifier");
            thread.setDaemon(true);
            thread.start();
        }
        LOG.info("Delivery verifier reading {} at {} for run {}", topics, bootstrapServers, runId);
    }

    /**
     * Waits until every expected record has arrived, then returns the report. Also returns once each stream has
     * consumed its expected count, not counting injected duplicates, and the consumer has reached the end of every
     * partition (so a real duplicate cannot hide a missing record), or when the timeout passes.
     *
     * @param expectedPerStream how many records each stream should deliver, by stream name
     * @param timeout how long to wait at most
     * @return the report at that moment
     * @throws IllegalStateException if the verifier was not started
     * @throws KafkasimException if the consumer failed
     */
    public DeliveryReport awaitReport(Map<String, Long> expectedPerStream, Duration timeout) {
        synchronized (lock) {
            boolean complete = awaitComplete(expectedPerStream, timeout);
            DeliveryReport report = report(expectedPerStream);
            if (!complete) {
                LOG.warn("{}", describeTimeout(report, timeout));
            }
            return report;
        }
    }

    /**
     * Waits until every expected record has arrived, then returns the report, like {@link #awaitReport}, but throws
     * when the timeout passes first.
     *
     * @param expectedPerStream how many records each stream should deliver, by stream name
     * @param timeout how long to wait at most
     * @return the report once every expected sequence number was read, or each stream consumed its expected count
     *     and the consumer reached the end of every partition
     * @throws DeliveryTimeoutException if the timeout passes first; its message lists, per stream, how many records
     *     are still missing and the first missing sequence numbers
     * @throws IllegalStateException if the verifier was not started
     * @throws KafkasimException if the consumer failed
     */
    public DeliveryReport awaitCompletion(Map<String, Long> expectedPerStream, Duration timeout) {
        synchronized (lock) {
            boolean complete = awaitComplete(expectedPerStream, timeout);
            DeliveryReport report = report(expectedPerStream);
            if (!complete) {
                throw new DeliveryTimeoutException(describeTimeout(report, timeout), report);
            }
            return report;
        }
    }

    /** Waits, holding the lock, until the expected records have arrived, and returns whether they did in time. */
    private boolean awaitComplete(Map<String, Long> expectedPerStream, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        requireStarted();
        while (!isComplete(expectedPerStream) && failure == null && running) {
            long remainingMillis =
                    Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMillis <= 0) {
                break;
            }
            try {
                lock.wait(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkasimException("Interrupted while waiting for the delivery report", e);
            }
        }
        return isComplete(expectedPerStream);
    }

    /**
     * Returns the report of what has been read so far.
     *
     * @param expectedPerStream how many records each stream should deliver, by stream name
     * @return the report
     * @throws KafkasimException if the consumer failed
     */
    public DeliveryReport report(Map<String, Long> expectedPerStream) {
        synchronized (lock) {
            if (failure != null) {
                throw new KafkasimException(
                        "The delivery verifier's consumer failed reading " + topics + " at " + bootstrapServers + ": "
                                + SecretMasking.scrub(failure.getMessage(), secretsOf(consumerProperties)),
                        failure);
            }
            Map<String, StreamReport> streams = new LinkedHashMap<>();
            expectedPerStream.forEach(
                    (stream, expected) -> streams.put(stream, tracker(stream).report(expected)));
            new TreeMap<>(trackers).forEach((stream, tracker) -> streams.putIfAbsent(stream, tracker.report(0)));
            Histogram latencies = new Histogram(3);
            trackers.values().forEach(tracker -> latencies.add(tracker.latencies()));
            return DeliveryReport.of(streams, ignored.get(), StreamTracker.summarize(latencies));
        }
    }

    /**
     * Returns how many records of the run lacked a stream or sequence header, or had an unreadable sequence number.
     */
    public long unmarkedCount() {
        synchronized (lock) {
            return unmarked;
        }
    }

    /**
     * Returns how many records were skipped because they lacked the {@value KafkasimHeaders#RUN} header or carried
     * another run's id.
     */
    public long ignoredCount() {
        return ignored.get();
    }

    /** Stops reading, closes the consumer and removes the verifier's meters. Idempotent. */
    @Override
    public void close() {
        Thread reader;
        synchronized (lock) {
            running = false;
            reader = thread;
            lock.notifyAll();
            removeMeters();
        }
        if (reader == null) {
            return;
        }
        consumer.wakeup();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "DeliveryVerifier{bootstrapServers=" + bootstrapServers + ", runId=" + runId + ", topics=" + topics
                + "}";
    }

    private void run() {
        try {
            while (running) {
                refreshAssignmentIfDue();
                if (assigned.isEmpty()) {
                    awaitTopics();
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                synchronized (lock) {
                    long nowMillis = System.currentTimeMillis();
                    records.forEach(record -> accept(record, nowMillis));
                    caughtUp = computeCaughtUp();
                    lock.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up to stop it.
        } catch (RuntimeException e) {
            LOG.error("Delivery verifier stopped reading {} at {}", topics, bootstrapServers, e);
            synchronized (lock) {
                failure = e;
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
        }
    }

    /** Waits a moment before looking for the topics again; {@link #close()} ends the wait early. */
    private void awaitTopics() {
        synchronized (lock) {
            try {
                lock.wait(POLL_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Assigns partitions that appeared since the last look, reading each from its beginning. */
    private void refreshAssignmentIfDue() {
        long now = System.nanoTime();
        if (now < nextRefresh) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        topicMissing = false;
        for (String topic : topics) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            topicMissing |= partitions == null || partitions.isEmpty();
            if (partitions != null) {
                partitions.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .filter(assigned::add)
                        .forEach(added::add);
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
        nextRefresh = now + (topicMissing ? REFRESH_WHILE_MISSING_NANOS : REFRESH_NANOS);
    }

    private boolean computeCaughtUp() {
        if (assigned.isEmpty() || topicMissing) {
            return false;
        }
        for (TopicPartition partition : assigned) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private void accept(ConsumerRecord<byte[], byte[]> record, long nowMillis) {
        Header run = firstHeader(record, KafkasimHeaders.RUN);
        if (run == null || !Arrays.equals(run.value(), runIdBytes)) {
            countIgnored(record.topic());
            return;
        }
        Header stream = firstHeader(record, KafkasimHeaders.STREAM);
        Header sequence = firstHeader(record, KafkasimHeaders.SEQUENCE);
        Long number = sequence == null ? null : parseSequence(sequence.value());
        if (stream == null || stream.value() == null || number == null) {
            unmarked++;
            return;
        }
        String streamName = new String(stream.value(), StandardCharsets.UTF_8);
        long latencyMillis = latencyMillis(record, nowMillis);
        tracker(streamName).add(number, record.partition(), record.key(), faultOf(record), latencyMillis);
        StreamMeters streamMeters = meters(streamName, record.topic());
        if (streamMeters != null) {
            streamMeters.record(latencyMillis);
        }
    }

    /** Returns the time from the sent-at header to now, or -1 without a readable header; clock skew counts as 0. */
    private static long latencyMillis(ConsumerRecord<byte[], byte[]> record, long nowMillis) {
        Header sentAt = firstHeader(record, KafkasimHeaders.SENT_AT);
        Long sentMillis = sentAt == null ? null : parseSequence(sentAt.value());
        return sentMillis == null ? -1 : Math.max(0, nowMillis - sentMillis);
    }

    private static String faultOf(ConsumerRecord<byte[], byte[]> record) {
        Header fault = firstHeader(record, KafkasimHeaders.FAULT);
        return fault == null || fault.value() == null ? null : new String(fault.value(), StandardCharsets.UTF_8);
    }

    /** Returns the meters of a stream, registered on its first record, or {@code null} without a registry. */
    private StreamMeters meters(String stream, String topic) {
        if (meterRegistry == null) {
            return null;
        }
        return streamMeters.computeIfAbsent(stream, name -> {
            Tags tags = Tags.of(SimulatorMetrics.STREAM_TAG, name, SimulatorMetrics.TOPIC_TAG, topic);
            Counter consumed = Counter.builder(SimulatorMetrics.RECORDS_CONSUMED)
                    .description("Records of the run read back, duplicates included")
                    .baseUnit("records")
                    .tags(tags)
                    .register(meterRegistry);
            Timer latency = Timer.builder(SimulatorMetrics.END_TO_END_LATENCY)
                    .description("Time from the kafkasim.sent-at header to the moment the verifier read the record")
                    .tags(tags)
                    .publishPercentiles(SimulatorMetrics.percentiles())
                    .publishPercentileHistogram()
                    .register(meterRegistry);
            meters.add(consumed);
            meters.add(latency);
            return new StreamMeters(consumed, latency);
        });
    }

    private void countIgnored(String topic) {
        ignored.incrementAndGet();
        if (meterRegistry != null) {
            ignoredCounters
                    .computeIfAbsent(topic, name -> {
                        Counter counter = Counter.builder(SimulatorMetrics.RECORDS_IGNORED)
                                .description("Records skipped because they lack the run header or another run"
                                        + " produced them")
                                .baseUnit("records")
                                .tags(SimulatorMetrics.TOPIC_TAG, name)
                                .register(meterRegistry);
                        meters.add(counter);
                        return counter;
                    })
                    .increment();
        }
    }

    private void removeMeters() {
        if (meterRegistry != null) {
            meters.forEach(meterRegistry::remove);
        }
        meters.clear();
        streamMeters.clear();
        ignoredCounters.clear();
    }

    private String describeTimeout(DeliveryReport report, Duration timeout) {
        String missing = report.describeMissing("; ");
        return "Delivery verifier timed out after " + timeout.toMillis() + " ms reading run " + runId + " from "
                + topics + " at " + bootstrapServers
                + (missing.isEmpty() ? " before reaching the end of every partition" : missing);
    }

    /** A stream's consumed counter and end-to-end latency timer. */
    private record StreamMeters(Counter consumed, Timer latency) {
        void record(long latencyMillis) {
            consumed.increment();
            if (latencyMillis >= 0) {
                latency.record(latencyMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean isComplete(Map<String, Long> expectedPerStream) {
        boolean allSeen = true;
        boolean allConsumed = true;
        for (Map.Entry<String, Long> entry : expectedPerStream.entrySet()) {
            StreamTracker tracker = tracker(entry.getKey());
            allSeen &= tracker.hasAll(entry.getValue());
            // Injected copies must not stand in for records still unread: the consumer's cached end offsets can
            // lag behind the log for one fetch, so "caught up" alone does not prove that nothing is left.
            allConsumed &= tracker.consumedWithoutInjectedDuplicates() >= entry.getValue();
        }
        return allSeen || (allConsumed && caughtUp);
    }

    private StreamTracker tracker(String stream) {
        return trackers.computeIfAbsent(stream, StreamTracker::new);
    }

    private void requireStarted() {
        if (thread == null) {
            throw new IllegalStateException("the delivery verifier was not started; call start() first");
        }
    }

    /** Returns the first header of a name, since the sink writes its own headers before the record's. */
    private static Header firstHeader(ConsumerRecord<byte[], byte[]> record, String name) {
        Iterator<Header> headers = record.headers().headers(name).iterator();
        return headers.hasNext() ? headers.next() : null;
    }

    private static Long parseSequence(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> secretsOf(Map<String, Object> properties) {
        Map<String, String> text = new HashMap<>();
        properties.forEach((name, value) -> text.put(name, String.valueOf(value)));
        return text;
    }

    private static Map<String, Object> consumerProperties(Builder builder) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, builder.bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafkasim-verifier-" + builder.runId);
        properties.putAll(builder.consumerProperties);
        return properties;
    }

    /** Configures a {@link DeliveryVerifier}. */
    public static final class Builder {
        private String bootstrapServers;
        private String runId;
        private final List<String> topics = new ArrayList<>();
        private final Map<String, String> consumerProperties = new LinkedHashMap<>();
        private MeterRegistry meterRegistry;

        private Builder() {}

        /**
         * Sets where the verifier registers its meters: {@value SimulatorMetrics#RECORDS_CONSUMED} and
         * {@value SimulatorMetrics#END_TO_END_LATENCY} per stream, tagged by stream and topic, and
         * {@value SimulatorMetrics#RECORDS_IGNORED} per topic. They are removed on {@link DeliveryVerifier#close()}. Without a
         * registry the verifier registers none.
         *
         * @param meterRegistry the registry, such as the one given to the engine
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * Sets the cluster's addresses. Required.
         *
         * @param bootstrapServers a comma-separated list of {@code host:port}, such as {@code 127.0.0.1:9092}
         * @return this builder
         */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /**
         * Sets the run whose records are checked; records of other runs on the same topics are skipped. Required.
         *
         * @param runId the engine's run id, as in {@code SimulatorEngine.runId()}
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Sets the topics to read. Required, at least one.
         *
         * @param topics the topic names
         * @return this builder
         */
        public Builder topics(Collection<String> topics) {
            this.topics.clear();
            this.topics.addAll(topics);
            return this;
        }

        /**
         * Sets a consumer property, such as a security setting. Replaces the verifier's own setting of the same
         * name: {@code isolation.level=read_committed}, {@code auto.offset.reset=earliest},
         * {@code enable.auto.commit=false}, {@code allow.auto.create.topics=false}.
         *
         * @param name the property name
         * @param value the property value
         * @return this builder
         */
        public Builder consumerProperty(String name, String value) {
            consumerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Creates the verifier; it reads nothing until {@link DeliveryVerifier#start()}.
         *
         * @return the verifier
         * @throws IllegalArgumentException if the bootstrap servers, the run id or the topics are missing
         */
        public DeliveryVerifier build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrap servers are missing; set them, such as 127.0.0.1:9092");
            }
            if (runId == null || runId.isBlank()) {
                throw new IllegalArgumentException("the run id is missing; set the engine's runId()");
            }
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("no topics to read; set at least one");
            }
            return new DeliveryVerifier(this);
        }

        @Override
        public String toString() {
            return "DeliveryVerifier.Builder{bootstrapServers=" + bootstrapServers + ", runId=" + runId + ", topics="
                    + topics + "}";
        }
    }
}
