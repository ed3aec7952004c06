package dev.kafkasim.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sends a scenario with an Avro value, a string key and user headers through the embedded broker. */
class AvroAndHeadersTest {
    private static final int COUNT = 300;
    private static final String TOPIC = "formats-test.readings";
    private static final String STREAM = """
            streams.readings {
              topic = "%s", count = %d, key = device_id
              format = avro
              key-format = string
              headers {
                tenant = acme
                "trace.id" { type = uuid }
                attempt { type = uniform, min = 1, max = 3 }
              }
              fields {
                device_id { type = pattern, format = "sensor-%%04d", cardinality = 20 }
                reading { type = normal, mean = 20, stddev = 5 }
                count { type = sequence }
                ok { type = boolean }
                note { type = nullable, fraction = 0.3, of { type = one-of, values = ["plain", "quote \\" back \\\\ slash", "Grüße 東京 \\uD83D\\uDE80"] } }
                at { type = timestamp }
                id { type = uuid }
                location { type = object, fields {
                    lat { type = uniform, min = 47.0, max = 55.0 }
                    floor { type = uniform, min = 0, max = 9 }
                  } }
                tags { type = array, length = 3, items { type = weighted, values { red = 1, green = 2 } } }
              }
              faults.poison { fraction = 0.05, kinds = [truncated, wrong-type, random-bytes] }
            }
            """.formatted(TOPIC, COUNT);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void avroValuesAndHeadersArrive() throws IOException {
        SimulationSpec kafkaSpec =
                spec("sinks.main { type = kafka, bootstrap-servers = \"" + broker.bootstrapServers() + "\" }");
        List<SimRecord> generated = generated();

        runAgainstBroker(kafkaSpec);
        List<ConsumerRecord<byte[], byte[]>> consumed = readAll(COUNT);

        Schema schema = new Schema.Parser().parse(kafkaSpec.formatSchema("readings", false));
        assertThat(consumed).hasSize(COUNT);
        int poisoned = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumed) {
            SimRecord expected = generated.get((int) Long.parseLong(header(record, KafkasimHeaders.SEQUENCE)));
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(expected.key());
            assertThat(userHeaders(record)).isEqualTo(expected.headers());
            assertThat(header(record, "tenant")).isEqualTo("acme");
            if (expected.fault() != null) {
                poisoned++;
                assertThat(header(record, KafkasimHeaders.FAULT)).isEqualTo(expected.fault());
                assertPoisonSent(schema, expected, record.value());
                continue;
            }
            assertThat(header(record, KafkasimHeaders.FAULT)).isNull();
            assertThat(decode(schema, record.value()))
                    .isEqualTo(expected.recordValue().toMap());
        }
        assertThat(poisoned).isPositive();
    }

    @Test
    void stringKeyFormatHasNoSchema() {
        assertThat(spec("").formatSchema("readings", true)).isNull();
    }

    /** Checks that a poison record arrived as its broken payload, which does not decode to its values. */
    private static void assertPoisonSent(Schema schema, SimRecord expected, byte[] sent) {
        if (expected.value() instanceof byte[] payload) {
            assertThat(sent).isEqualTo(payload);
            return;
        }
        Object decoded;
        try {
            decoded = decode(schema, sent);
        } catch (IOException | RuntimeException | AssertionError e) {
            decoded = e;
        }
        assertThat(expected.fault()).isEqualTo("poison-wrong-type");
        assertThat(decoded).isNotEqualTo(expected.recordValue().toMap());
    }

    private static SimulationSpec spec(String sinks) {
        return SimulationSpec.parse("simulation {\n seed = 5\n " + sinks + "\n" + STREAM + "}\n", "avro-headers.conf");
    }

    private static List<SimRecord> generated() {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec("")).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            List<SimRecord> records = new ArrayList<>(sink.records());
            records.sort(Comparator.comparingLong(SimRecord::sequence));
            return records;
        }
    }

    private static void runAgainstBroker(SimulationSpec spec) {
        try (SimulatorEngine engine = SimulatorEngine.builder().spec(spec).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
            assertThat(engine.stats().stream("readings").failed()).isZero();
        }
    }

    private static Map<String, Object> decode(Schema schema, byte[] bytes) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
        assertThat(decoder.isEnd()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) plain(record);
        return plain;
    }

    private static Object plain(Object avro) {
        if (avro instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            record.getSchema().getFields().forEach(field -> map.put(field.name(), plain(record.get(field.name()))));
            return map;
        }
        if (avro instanceof List<?> list) {
            return list.stream().map(AvroAndHeadersTest::plain).toList();
        }
        return avro instanceof Utf8 text ? text.toString() : avro;
    }

    private static List<SimHeader> userHeaders(ConsumerRecord<byte[], byte[]> record) {
        List<SimHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafkasim.")) {
                String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                headers.add(new SimHeader(header.key(), value));
            }
        }
        return headers;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
