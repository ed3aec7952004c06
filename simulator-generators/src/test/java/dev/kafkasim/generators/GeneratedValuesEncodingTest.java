package dev.kafkasim.generators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** Encodes the values of every built-in generator with the json and avro formats and reads them back. */
class GeneratedValuesEncodingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCENARIO = """
            simulation {
              seed = 17
              streams.users {
                count = 50, key = user
                fields { user { type = pattern, format = "user-%%02d", cardinality = 20 } }
              }
              streams.events {
                count = 400
                key = user
                format = %s
                faults.null-field.fraction = 0.05
                headers { path { type = template, template = "${user}/${seq}" } }
                fields {
                  user        { type = reference, stream = users }
                  n           { type = sequence, start = 1 }
                  amount      { type = uniform, min = 1, max = 100, scale = 2 }
                  whole       { type = uniform, min = -5, max = 5 }
                  level       { type = normal, mean = 10, stddev = 2 }
                  latency     { type = log-normal, mean = 120, stddev = 60 }
                  wait        { type = exponential, mean = 3 }
                  items       { type = poisson, mean = 2 }
                  product     { type = zipf, cardinality = 1000, exponent = 1.1 }
                  sku         { type = zipf, cardinality = 1000, format = "sku-%%d" }
                  walk        { type = random-walk, start = 0, step = 1 }
                  price       { type = gbm, start = 100, volatility = 0.2, scale = 2 }
                  load        { type = seasonal, period = 1h, amplitude = 5, offset = 10, noise = 1 }
                  status      { type = weighted, values { OK = 9, FAIL = 1 } }
                  text        { type = one-of, values = ["plain", "quote \\" back \\\\ slash", "tab\\tline\\nend", "Grüße 東京 \\uD83D\\uDE80", ""] }
                  mobile      { type = boolean, probability = 0.4 }
                  ref         { type = template, template = "${n}/${seq}" }
                  id          { type = uuid, version = 7 }
                  at          { type = timestamp }
                  at_text     { type = timestamp, format = iso-8601 }
                  at_seconds  { type = timestamp, format = epoch-seconds }
                  name        { type = faker, expression = "#{Name.firstName}" }
                  version     { type = constant, value = 2 }
                  coupon      { type = nullable, fraction = 0.5, of { type = uuid } }
                  geo         { type = object, fields {
                      lat { type = uniform, min = 40, max = 50, scale = 3 }
                      floor { type = sequence }
                    } }
                  tags        { type = array, min-length = 0, max-length = 3, items { type = nullable, fraction = 0.2, of { type = one-of, values = [a, b] } } }
                  order_no    { type = unique, min = 1, max = 100000 }
                  page        { type = markov, initial { home = 1 }, transitions { home { cart = 0.5, exit = 0.5 }, cart { exit = 1 } } }
                }
              }
            }
            """;

    @Test
    void jsonReadsBackAsGenerated() throws IOException {
        List<Encoded> encoded = run("json");

        assertThat(encoded).hasSize(400);
        for (Encoded record : encoded) {
            JsonNode node = MAPPER.readTree(record.bytes());
            assertThat(fromJson(node))
                    .as("record %d", record.sequence())
                    .isEqualTo(record.value().toMap());
        }
    }

    @Test
    void headerTemplateReadsFields() {
        List<Encoded> encoded = run("json");

        for (Encoded record : encoded) {
            assertThat(record.headers())
                    .containsExactly(new SimHeader("path", record.value().get("user") + "/" + record.sequence()));
        }
    }

    @Test
    void avroReadsBackAsGenerated() throws IOException {
        SimulationSpec spec = spec("avro");
        Schema schema = new Schema.Parser().parse(spec.formatSchema("events", false));
        List<Encoded> encoded = run("avro");

        assertThat(encoded).hasSize(400);
        for (Encoded record : encoded) {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(record.bytes(), null);
            GenericRecord read = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
            assertThat(decoder.isEnd()).isTrue();
            assertThat(fromAvro(read))
                    .as("record %d", record.sequence())
                    .isEqualTo(record.value().toMap());
        }
        assertThat(schema.getField("user").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(schema.getField("at").schema().getProp("logicalType")).isNull();
        assertThat(schema.getField("at")
                        .schema()
                        .getTypes()
                        .get(1)
                        .getLogicalType()
                        .getName())
                .isEqualTo("timestamp-millis");
    }

    private static SimulationSpec spec(String format) {
        return SimulationSpec.parse(SCENARIO.formatted(format), "encoding.conf");
    }

    private static List<Encoded> run(String format) {
        CapturingSink sink = new CapturingSink();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec(format)).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
            assertThat(engine.stats().failed()).isZero();
        }
        return sink.encoded;
    }

    /** Converts a parsed JSON tree to the Java values generators return: whole numbers as Long. */
    private static Object fromJson(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), fromJson(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(fromJson(element)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.textValue();
    }

    /** Converts what Avro's generic reader returns to the Java values generators return. */
    private static Object fromAvro(Object avro) {
        if (avro instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            record.getSchema().getFields().forEach(field -> map.put(field.name(), fromAvro(record.get(field.name()))));
            return map;
        }
        if (avro instanceof List<?> list) {
            List<Object> plain = new ArrayList<>();
            list.forEach(element -> plain.add(fromAvro(element)));
            return plain;
        }
        return avro instanceof Utf8 text ? text.toString() : avro;
    }

    private record Encoded(long sequence, RecordValue value, List<SimHeader> headers, byte[] bytes) {}

    /** Keeps the events stream's values with their bytes as the value format encoded them. */
    private static final class CapturingSink implements Sink {
        private final List<Encoded> encoded = new ArrayList<>();
        private StreamBinding events;

        @Override
        public void open(SinkContext context) {
            events = context.stream("events");
        }

        @Override
        public void send(SimRecord record, SendCallback callback) {
            if (record.stream().equals("events")) {
                byte[] bytes = events.valueEncoder().encode(record.value());
                encoded.add(new Encoded(record.sequence(), record.recordValue(), record.headers(), bytes));
            }
            callback.onCompletion(record, null);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
