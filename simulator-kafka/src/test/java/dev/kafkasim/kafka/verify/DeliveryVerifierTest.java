package dev.kafkasim.kafka.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.sink.KafkasimHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeliveryVerifierTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void detectsMissingAndDuplicateRecords() {
        broker.createTopic("verifier-test.gaps", 2);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 100; seq++) {
                if (seq != 50) {
                    send(producer, "verifier-test.gaps", "run-gaps", "sensors", seq);
                }
            }
            send(producer, "verifier-test.gaps", "run-gaps", "sensors", 7);
        }

        DeliveryReport report = awaitReport("run-gaps", "verifier-test.gaps", Map.of("sensors", 100L));

        StreamReport sensors = report.stream("sensors");
        assertThat(sensors.consumed()).isEqualTo(100);
        assertThat(sensors.missing()).isEqualTo(1);
        assertThat(sensors.firstMissing()).containsExactly(50L);
        assertThat(sensors.duplicates()).isEqualTo(1);
        assertThat(sensors.firstDuplicates()).containsExactly(7L);
        assertThat(sensors.firstDuplicateKeys()).containsExactly("key-7");
        assertThat(report.summaryLine(100, 100))
                .isEqualTo("verified: generated=100 acknowledged=100 consumed=100 missing=1 duplicates=1");
        assertThatThrownBy(report::assertNoLoss)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected every record to arrive, but 1 missing:\n"
                        + "  stream 'sensors': 1 of 100 missing, first sequence numbers [50]");
        assertThatThrownBy(report::assertNoDuplicates)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected every record once, but 1 duplicates:\n"
                        + "  stream 'sensors': 1 duplicates, first sequence numbers [7] with keys [key-7]");
    }

    @Test
    void recordsOfOtherRunsAreSkipped() {
        broker.createTopic("verifier-test.runs", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 10; seq++) {
                send(producer, "verifier-test.runs", "run-other", "orders", seq);
                send(producer, "verifier-test.runs", "run-mine", "orders", seq);
            }
        }

        DeliveryReport report = awaitReport("run-mine", "verifier-test.runs", Map.of("orders", 10L));

        assertThat(report.consumed()).isEqualTo(10);
        assertThat(report.duplicates()).isZero();
        assertThat(report.missing()).isZero();
        assertThat(report.ignored()).isEqualTo(10);
    }

    @Test
    void detectsOrderViolationPerKey() {
        broker.createTopic("verifier-test.order", 2);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, "verifier-test.order", 0, "run-order", "orders", 0, "customer-a", null);
            send(producer, "verifier-test.order", 0, "run-order", "orders", 2, "customer-a", null);
            send(producer, "verifier-test.order", 0, "run-order", "orders", 1, "customer-a", null);
            send(producer, "verifier-test.order", 1, "run-order", "orders", 3, "customer-b", null);
        }

        DeliveryReport report = awaitReport("run-order", "verifier-test.order", Map.of("orders", 4L));

        StreamReport orders = report.stream("orders");
        assertThat(orders.missing()).isZero();
        assertThat(orders.orderViolations()).isEqualTo(1);
        assertThat(orders.partitionOrderViolations()).isEqualTo(1);
        assertThat(orders.firstOrderViolations()).containsExactly(new OrderViolation("customer-a", 0, 1, 2));
        assertThat(report.orderViolations()).isEqualTo(1);
        assertThatThrownBy(report::assertOrderedPerKey)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected records of each key in sequence order, but 1 out of order:\n"
                        + "  stream 'orders': 1 out of order, first [key 'customer-a' partition 0: 1 after 2]");
    }

    @Test
    void keysAreOrderedSeparately() {
        broker.createTopic("verifier-test.keys", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, "verifier-test.keys", 0, "run-keys", "orders", 1, "customer-b", null);
            send(producer, "verifier-test.keys", 0, "run-keys", "orders", 0, "customer-a", null);
        }

        DeliveryReport report = awaitReport("run-keys", "verifier-test.keys", Map.of("orders", 2L));

        assertThat(report.orderViolations()).isZero();
        assertThat(report.stream("orders").partitionOrderViolations()).isEqualTo(1);
        assertThat(report.stream("orders").firstPartitionOrderViolations())
                .containsExactly(new OrderViolation("customer-a", 0, 0, 1));
        assertThatCode(report::assertOrderedPerKey).doesNotThrowAnyException();
        assertThatThrownBy(report::assertOrderedPerPartition)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected records of each partition in sequence order, but 1 out of order:\n"
                        + "  stream 'orders': 1 out of order, first [key 'customer-a' partition 0: 0 after 1]");
    }

    @Test
    void injectedFaultsAreExpectedDisorder() {
        broker.createTopic("verifier-test.faults", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, "verifier-test.faults", 0, "run-faults", "clicks", 0, "user-1", null);
            send(producer, "verifier-test.faults", 0, "run-faults", "clicks", 0, "user-1", "duplicate");
            send(producer, "verifier-test.faults", 0, "run-faults", "clicks", 2, "user-1", null);
            send(producer, "verifier-test.faults", 0, "run-faults", "clicks", 1, "user-1", "out-of-order");
            send(producer, "verifier-test.faults", 0, "run-faults", "clicks", 3, "user-1", null);
        }

        DeliveryReport report = awaitReport("run-faults", "verifier-test.faults", Map.of("clicks", 4L));

        StreamReport clicks = report.stream("clicks");
        assertThat(clicks.consumed()).isEqualTo(5);
        assertThat(clicks.duplicates()).isZero();
        assertThat(clicks.injectedDuplicates()).isEqualTo(1);
        assertThat(clicks.orderViolations()).isZero();
        assertThat(clicks.partitionOrderViolations()).isZero();
        assertThat(clicks.faults()).containsExactlyInAnyOrderEntriesOf(Map.of("duplicate", 1L, "out-of-order", 1L));
        assertThat(report.faults()).containsExactlyInAnyOrderEntriesOf(Map.of("duplicate", 1L, "out-of-order", 1L));
        assertThatCode(report::assertNoDuplicates).doesNotThrowAnyException();
        assertThatCode(report::assertOrderedPerKey).doesNotThrowAnyException();
    }

    @Test
    void endToEndLatencyIsMeasured() {
        broker.createTopic("verifier-test.latency", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 20; seq++) {
                send(producer, "verifier-test.latency", "run-latency", "ticks", seq);
            }
        }

        DeliveryReport report = awaitReport("run-latency", "verifier-test.latency", Map.of("ticks", 20L));

        LatencySummary latency = report.stream("ticks").endToEndLatency();
        assertThat(latency.count()).isEqualTo(20);
        assertThat(latency.p50()).isGreaterThanOrEqualTo(0);
        assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p50());
        assertThat(latency.max()).isGreaterThanOrEqualTo(latency.p99());
        assertThat(report.endToEndLatency().count()).isEqualTo(20);
    }

    @Test
    void streamsAreReportedSeparately() {
        broker.createTopic("verifier-test.streams", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 5; seq++) {
                send(producer, "verifier-test.streams", "run-streams", "customers", seq);
            }
            for (long seq = 0; seq < 3; seq++) {
                send(producer, "verifier-test.streams", "run-streams", "orders", seq);
            }
        }

        DeliveryReport report;
        try (DeliveryVerifier verifier = verifier("run-streams", "verifier-test.streams")) {
            verifier.start();
            verifier.awaitReport(Map.of("customers", 5L, "orders", 3L), Duration.ofSeconds(60));
            report = verifier.report(Map.of("customers", 5L, "orders", 4L));
        }

        assertThat(report.stream("customers").missing()).isZero();
        assertThat(report.stream("orders").missing()).isEqualTo(1);
        assertThat(report.stream("orders").firstMissing()).containsExactly(3L);
        assertThat(report.consumed()).isEqualTo(8);
    }

    @Test
    void topicCreatedAfterStartIsRead() {
        try (DeliveryVerifier verifier = verifier("run-later", "verifier-test.later")) {
            verifier.start();
            broker.createTopic("verifier-test.later", 1);
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                send(producer, "verifier-test.later", "run-later", "ticks", 0);
            }

            DeliveryReport report = verifier.awaitReport(Map.of("ticks", 1L), Duration.ofSeconds(60));

            assertThat(report.consumed()).isEqualTo(1);
        }
    }

    @Test
    void deletedRecordsAreMissing() throws Exception {
        broker.createTopic("verifier-test.deleted", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 10; seq++) {
                send(producer, "verifier-test.deleted", "run-deleted", "sensors", seq);
            }
        }
        try (Admin admin = Admin.create(
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition("verifier-test.deleted", 0), RecordsToDelete.beforeOffset(3)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        try (DeliveryVerifier verifier = verifier("run-deleted", "verifier-test.deleted")) {
            verifier.start();
            Map<String, Long> expected = Map.of("sensors", 10L);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> verifier.report(expected).consumed() == 7);
            DeliveryReport report = verifier.report(expected);

            assertThat(report.missing()).isEqualTo(3);
            assertThat(report.stream("sensors").firstMissing()).containsExactly(0L, 1L, 2L);
            assertThat(report.duplicates()).isZero();
            assertThatThrownBy(report::assertNoLoss)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("stream 'sensors': 3 of 10 missing, first sequence numbers [0, 1, 2]");
        }
    }

    @Test
    void awaitCompletionListsMissingOnTimeout() {
        broker.createTopic("verifier-test.timeout", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 20; seq++) {
                if (seq != 5 && seq != 6) {
                    send(producer, "verifier-test.timeout", "run-timeout", "sensors", seq);
                }
            }
        }

        try (DeliveryVerifier verifier = verifier("run-timeout", "verifier-test.timeout")) {
            verifier.start();
            Map<String, Long> expected = Map.of("sensors", 20L);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> verifier.report(expected).consumed() == 18);

            assertThatThrownBy(() -> verifier.awaitCompletion(expected, Duration.ofMillis(300)))
                    .isInstanceOf(DeliveryTimeoutException.class)
                    .hasMessageStartingWith("Delivery verifier timed out after 300 ms reading run run-timeout from"
                            + " [verifier-test.timeout]")
                    .hasMessageEndingWith("; stream 'sensors': 2 of 20 missing, first sequence numbers [5, 6]")
                    .satisfies(error -> assertThat(
                                    ((DeliveryTimeoutException) error).report().missing())
                            .isEqualTo(2));
        }
    }

    @Test
    void awaitCompletionReturnsCompleteReport() {
        broker.createTopic("verifier-test.complete", 2);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long seq = 0; seq < 50; seq++) {
                send(producer, "verifier-test.complete", "run-complete", "sensors", seq);
            }
        }

        try (DeliveryVerifier verifier = verifier("run-complete", "verifier-test.complete")) {
            verifier.start();
            DeliveryReport report = verifier.awaitCompletion(Map.of("sensors", 50L), Duration.ofSeconds(60));

            assertThat(report.consumed()).isEqualTo(50);
            assertThat(report.missing()).isZero();
            assertThatCode(report::assertNoLoss).doesNotThrowAnyException();
        }
    }

    @Test
    void faultedCopyReadFirstIsNotRealDuplicate() {
        broker.createTopic("verifier-test.copy-first", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, "verifier-test.copy-first", 0, "run-copy", "clicks", 0, "user-1", "duplicate");
            send(producer, "verifier-test.copy-first", 0, "run-copy", "clicks", 0, "user-1", null);
            send(producer, "verifier-test.copy-first", 0, "run-copy", "clicks", 1, "user-2", null);
            send(producer, "verifier-test.copy-first", 0, "run-copy", "clicks", 1, "user-2", null);
        }

        DeliveryReport report = awaitConsumed("run-copy", "verifier-test.copy-first", Map.of("clicks", 2L), 4);

        StreamReport clicks = report.stream("clicks");
        assertThat(clicks.consumed()).isEqualTo(4);
        assertThat(clicks.injectedDuplicates()).isEqualTo(1);
        assertThat(clicks.duplicates()).isEqualTo(1);
        assertThat(clicks.firstDuplicates()).containsExactly(1L);
        assertThat(clicks.firstDuplicateKeys()).containsExactly("user-2");
    }

    @Test
    void awaitReportBeforeStartFails() {
        try (DeliveryVerifier verifier = verifier("run-idle", "verifier-test.idle")) {
            assertThatThrownBy(() -> verifier.awaitReport(Map.of("s", 1L), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the delivery verifier was not started; call start() first");
        }
    }

    @Test
    void builderRequiresRunId() {
        DeliveryVerifier.Builder builder =
                DeliveryVerifier.builder().bootstrapServers("127.0.0.1:9092").topics(List.of("t"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the run id is missing; set the engine's runId()");
    }

    private static DeliveryReport awaitReport(String runId, String topic, Map<String, Long> expected) {
        try (DeliveryVerifier verifier = verifier(runId, topic)) {
            verifier.start();
            return verifier.awaitReport(expected, Duration.ofSeconds(60));
        }
    }

    /** Returns the report once the verifier has read {@code consumed} records, duplicates included. */
    private static DeliveryReport awaitConsumed(String runId, String topic, Map<String, Long> expected, long consumed) {
        try (DeliveryVerifier verifier = verifier(runId, topic)) {
            verifier.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> verifier.report(expected).consumed() == consumed);
            return verifier.report(expected);
        }
    }

    private static DeliveryVerifier verifier(String runId, String topic) {
        return DeliveryVerifier.builder()
                .bootstrapServers(broker.bootstrapServers())
                .runId(runId)
                .topics(List.of(topic))
                .build();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends a record with the headers the Kafka sink writes, as a plain producer would. */
    private static void send(
            KafkaProducer<byte[], byte[]> producer, String topic, String runId, String stream, long seq) {
        send(producer, topic, null, runId, stream, seq, "key-" + seq, null);
    }

    /** Sends a record to a partition with a key and, unless {@code null}, a fault header. */
    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            Integer partition,
            String runId,
            String stream,
            long seq,
            String key,
            String fault) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkasimHeaders.STREAM, utf8(stream));
        headers.add(KafkasimHeaders.SEQUENCE, utf8(Long.toString(seq)));
        headers.add(KafkasimHeaders.SENT_AT, utf8(Long.toString(System.currentTimeMillis())));
        headers.add(KafkasimHeaders.RUN, utf8(runId));
        if (fault != null) {
            headers.add(KafkasimHeaders.FAULT, utf8(fault));
        }
        producer.send(new ProducerRecord<>(topic, partition, null, utf8(key), utf8("value"), headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
