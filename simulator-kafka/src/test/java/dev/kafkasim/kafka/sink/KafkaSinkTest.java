package dev.kafkasim.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.spi.StreamBinding;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.testing.Completions;
import dev.kafkasim.kafka.testing.TestStreams;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KafkaSinkTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void tenThousandRecordsAllReadBack() throws Exception {
        StreamBinding binding = TestStreams.binding("sensors", "sink-test.bulk");
        String runId = UUID.randomUUID().toString();
        Completions completions = new Completions(10_000);

        try (KafkaSink sink = sinkBuilder().partitions(3).build()) {
            sink.open(TestStreams.context(runId, binding));
            for (long seq = 0; seq < 10_000; seq++) {
                sink.send(TestStreams.record(binding, seq, 1_700_000_000_000L + seq), completions);
            }
            sink.flush();
        }
        DeliveryReport report = verify(runId, "sink-test.bulk", Map.of("sensors", 10_000L));

        assertThat(completions.acknowledged()).isEqualTo(10_000);
        assertThat(completions.errors()).isEmpty();
        assertThat(report.consumed()).isEqualTo(10_000);
        assertThat(report.missing()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.summaryLine(10_000, completions.acknowledged()))
                .isEqualTo("verified: generated=10000 acknowledged=10000 consumed=10000 missing=0 duplicates=0");
    }

    @Test
    void recordsCarryKafkasimHeaders() throws Exception {
        StreamBinding binding = TestStreams.binding("clicks", "sink-test.headers");
        Completions completions = new Completions(2);
        long before = System.currentTimeMillis();

        try (KafkaSink sink = sinkBuilder().build()) {
            sink.open(TestStreams.context("run-headers", binding));
            sink.send(TestStreams.record(binding, 0, 5_000L), completions);
            sink.send(
                    TestStreams.record(
                            binding,
                            1,
                            "raw".getBytes(StandardCharsets.UTF_8),
                            List.of(new SimHeader("app", "x")),
                            "poison"),
                    completions);
        }
        List<ConsumerRecord<byte[], byte[]>> records = readAll("sink-test.headers", 2);

        assertThat(completions.acknowledged()).isEqualTo(2);
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        assertThat(header(first, KafkasimHeaders.STREAM)).isEqualTo("clicks");
        assertThat(header(first, KafkasimHeaders.SEQUENCE)).isEqualTo("0");
        assertThat(header(first, KafkasimHeaders.RUN)).isEqualTo("run-headers");
        assertThat(Long.parseLong(header(first, KafkasimHeaders.SENT_AT)))
                .isBetween(before, System.currentTimeMillis());
        assertThat(first.headers().lastHeader(KafkasimHeaders.FAULT)).isNull();
        assertThat(first.timestamp()).isEqualTo(5_000L);
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("0");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("id=0,reading=20.5");
        ConsumerRecord<byte[], byte[]> second = records.get(1);
        assertThat(header(second, KafkasimHeaders.FAULT)).isEqualTo("poison");
        assertThat(header(second, "app")).isEqualTo("x");
        assertThat(new String(second.value(), StandardCharsets.UTF_8)).isEqualTo("raw");
    }

    @Test
    void kafkasimHeadersOffSendsOnlyRecordHeaders() throws Exception {
        StreamBinding binding = TestStreams.binding("clicks", "sink-test.no-headers");
        Completions completions = new Completions(2);

        try (KafkaSink sink = sinkBuilder().kafkasimHeaders(false).build()) {
            sink.open(TestStreams.context("run-no-headers", binding));
            sink.send(TestStreams.record(binding, 0, 5_000L), completions);
            sink.send(
                    TestStreams.record(
                            binding,
                            1,
                            "raw".getBytes(StandardCharsets.UTF_8),
                            List.of(new SimHeader("app", "x")),
                            "poison"),
                    completions);
        }
        List<ConsumerRecord<byte[], byte[]>> records = readAll("sink-test.no-headers", 2);

        assertThat(completions.acknowledged()).isEqualTo(2);
        assertThat(records.get(0).headers().toArray()).isEmpty();
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("id=0,reading=20.5");
        assertThat(records.get(1).headers().toArray()).hasSize(1);
        assertThat(header(records.get(1), "app")).isEqualTo("x");
    }

    @Test
    void nullValueIsSentAsTombstone() throws Exception {
        StreamBinding binding = TestStreams.binding("entities", "sink-test.tombstones");
        Completions completions = new Completions(1);

        try (KafkaSink sink = sinkBuilder().build()) {
            sink.open(TestStreams.context("run-tombstone", binding));
            sink.send(TestStreams.record(binding, 0, null, List.of(), "tombstone"), completions);
        }
        List<ConsumerRecord<byte[], byte[]>> records = readAll("sink-test.tombstones", 1);

        assertThat(completions.acknowledged()).isEqualTo(1);
        assertThat(records.get(0).value()).isNull();
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("0");
    }

    @Test
    void createdTopicGetsSimulationSettings() throws Exception {
        StreamBinding binding = TestStreams.binding("orders", "sink-test.created");

        try (KafkaSink sink = sinkBuilder().partitions(4).build()) {
            sink.open(TestStreams.context("run-created", binding));
        }

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            int partitions = admin.describeTopics(Set.of("sink-test.created"))
                    .allTopicNames()
                    .get()
                    .get("sink-test.created")
                    .partitions()
                    .size();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "sink-test.created");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(partitions).isEqualTo(4);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("message.timestamp.after.max.ms").value()).isEqualTo(Long.toString(Long.MAX_VALUE));
        }
    }

    @Test
    void recordTooLargeFailsItsCallback() throws Exception {
        StreamBinding binding = TestStreams.binding("blobs", "sink-test.large");
        Completions completions = new Completions(1);

        try (KafkaSink sink =
                sinkBuilder().producerProperty("max.request.size", "1000").build()) {
            sink.open(TestStreams.context("run-large", binding));
            sink.send(TestStreams.record(binding, 0, new byte[2_000], List.of(), null), completions);
            assertThat(completions.await()).isTrue();

            assertThat(completions.errors()).singleElement().isInstanceOf(RecordTooLargeException.class);
            assertThat(sink.failedCount()).isEqualTo(1);
        }
    }

    @Test
    void unknownStreamFailsItsCallback() throws Exception {
        StreamBinding binding = TestStreams.binding("known", "sink-test.unknown");
        StreamBinding other = TestStreams.binding("other", "sink-test.unknown");
        Completions completions = new Completions(1);

        try (KafkaSink sink = sinkBuilder().build()) {
            sink.open(TestStreams.context("run-unknown", binding));
            sink.send(TestStreams.record(other, 0, 1L), completions);

            assertThat(completions.errors())
                    .singleElement()
                    .isInstanceOf(IllegalArgumentException.class)
                    .extracting(Throwable::getMessage)
                    .isEqualTo("Kafka sink 'main' does not receive stream 'other'; its streams are [known]");
            assertThat(sink.failedCount()).isEqualTo(1);
        }
    }

    @Test
    void sendAfterCloseFailsItsCallback() {
        StreamBinding binding = TestStreams.binding("late", "sink-test.closed");
        Completions completions = new Completions(1);
        KafkaSink sink = sinkBuilder().build();
        sink.open(TestStreams.context("run-closed", binding));
        sink.close();

        sink.send(TestStreams.record(binding, 0, 1L), completions);

        assertThat(completions.errors())
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("Kafka sink 'main' is closed");
    }

    @Test
    void closeFailsRecordsStillPending() throws Exception {
        StreamBinding binding = TestStreams.binding("stranded", "sink-test.pending");
        Completions completions = new Completions(100);
        KafkaSink sink = sinkBuilder()
                .producerProperty("linger.ms", "600000")
                .producerProperty("delivery.timeout.ms", "900000")
                .closeTimeout(Duration.ZERO)
                .build();
        sink.open(TestStreams.context("run-pending", binding));
        for (long seq = 0; seq < 100; seq++) {
            sink.send(TestStreams.record(binding, seq, 1L), completions);
        }

        sink.close();

        assertThat(completions.completed()).isEqualTo(100);
        assertThat(completions.acknowledged()).isZero();
        assertThat(sink.failedCount()).isEqualTo(100);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unreachableClusterFailsOpenNamingAddress() throws Exception {
        String address = "127.0.0.1:" + unusedPort();
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers(address)
                .producerProperty("max.block.ms", "1000")
                .build();

        assertThatThrownBy(() -> sink.open(TestStreams.context("run-unreachable", TestStreams.binding("s", "t"))))
                .isInstanceOf(KafkasimException.class)
                .hasMessageContaining("Timed out after 1000 ms listing topics at bootstrap-servers " + address);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unreachableClusterFailsWithoutTopicCreation() throws Exception {
        String address = "127.0.0.1:" + unusedPort();
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers(address)
                .createTopics(false)
                .producerProperty("max.block.ms", "1000")
                .build();

        assertThatThrownBy(() -> sink.open(TestStreams.context("run-unreachable", TestStreams.binding("s", "t"))))
                .isInstanceOf(KafkasimException.class)
                .hasMessageContaining(
                        "could not fetch metadata of topic 't' from bootstrap-servers " + address + " within 1000 ms");
    }

    @Test
    void toStringMasksSecrets() {
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers("127.0.0.1:9092")
                .producerProperty("sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";")
                .producerProperty("ssl.truststore.password", "truststore-pass")
                .producerProperty("client.secret.token", "token-value")
                .producerProperty("linger.ms", "7")
                .build();

        String text = sink.toString();

        assertThat(text).doesNotContain("hunter2", "truststore-pass", "token-value");
        assertThat(text).contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]");
        assertThat(text).contains("client.secret.token=[hidden]", "linger.ms=7");
    }

    @Test
    void defaultsEnableIdempotence() {
        KafkaSink sink = KafkaSink.builder().bootstrapServers("127.0.0.1:9092").build();

        assertThat(sink.producerProperties())
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("max.block.ms", "10000");
    }

    @Test
    void acksOneLeavesIdempotenceToKafka() {
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers("127.0.0.1:9092")
                .producerProperty("acks", "1")
                .build();

        assertThat(sink.producerProperties()).containsEntry("acks", "1").doesNotContainKey("enable.idempotence");
    }

    @Test
    void builderRejectsZeroPartitions() {
        KafkaSink.Builder builder =
                KafkaSink.builder().bootstrapServers("127.0.0.1:9092").partitions(0);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions must be at least 1 but was 0");
    }

    @Test
    void asciiDigitsMatchLongToString() {
        long[] numbers = {
            0, 7, 9, 10, 99, 100, 1_767_225_600_000L, -1, -10, -987_654_321, Long.MAX_VALUE, Long.MIN_VALUE
        };

        for (long number : numbers) {
            assertThat(new String(KafkaSink.asciiDigits(number), StandardCharsets.US_ASCII))
                    .as("digits of %d", number)
                    .isEqualTo(Long.toString(number));
        }
    }

    private static KafkaSink.Builder sinkBuilder() {
        return KafkaSink.builder().bootstrapServers(broker.bootstrapServers());
    }

    private static DeliveryReport verify(String runId, String topic, Map<String, Long> expected) {
        try (DeliveryVerifier verifier = DeliveryVerifier.builder()
                .bootstrapServers(broker.bootstrapServers())
                .runId(runId)
                .topics(List.of(topic))
                .build()) {
            verifier.start();
            return verifier.awaitReport(expected, Duration.ofSeconds(60));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Returns a port on 127.0.0.1 that nothing listens on, so connections to it are refused. */
    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
