package dev.kafkasim.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonFormatProviderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RecordSchema LOCATION = RecordSchema.of("lat", "lon");
    private static final RecordSchema SENSOR =
            RecordSchema.of("device_id", "reading", "count", "small", "ok", "note", "location", "tags", "missing");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final RecordEncoder encoder =
            new JsonFormatProvider().create(FormatSpecs.valueSpec("type = json", SENSOR, problems));

    @Test
    void recordWritesFieldsInDeclaredOrder() throws Exception {
        RecordValue value = sensor("sensor-0001", 21.5, 7L, 3, true, "fine");

        JsonNode node = MAPPER.readTree(encoder.encode(value));

        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(SENSOR.names());
        assertThat(problems).isEmpty();
    }

    @Test
    void recordWritesEachTypeExactly() throws Exception {
        RecordValue value = sensor("sensor-0001", 0.1, Long.MAX_VALUE, Integer.MIN_VALUE, false, "say \"hi\"\n");

        JsonNode node = MAPPER.readTree(encoder.encode(value));

        assertThat(node.get("device_id").textValue()).isEqualTo("sensor-0001");
        assertThat(node.get("reading").isDouble()).isTrue();
        assertThat(node.get("reading").doubleValue()).isEqualTo(0.1);
        assertThat(node.get("count").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(node.get("small").intValue()).isEqualTo(Integer.MIN_VALUE);
        assertThat(node.get("ok").booleanValue()).isFalse();
        assertThat(node.get("note").textValue()).isEqualTo("say \"hi\"\n");
        assertThat(node.get("missing").isNull()).isTrue();
    }

    @Test
    void nestedRecordsAndListsRoundTrip() throws Exception {
        RecordValue value = sensor("sensor-0002", 1.0, 1L, 1, true, null);

        JsonNode node = MAPPER.readTree(encoder.encode(value));

        assertThat(node.get("location").get("lat").doubleValue()).isEqualTo(52.52);
        assertThat(node.get("location").get("lon").doubleValue()).isEqualTo(13.405);
        JsonNode tags = node.get("tags");
        assertThat(tags.isArray()).isTrue();
        assertThat(tags.get(0).textValue()).isEqualTo("a");
        assertThat(tags.get(1).longValue()).isEqualTo(2L);
        assertThat(tags.get(2).isNull()).isTrue();
        assertThat(tags.get(3).get("lat").doubleValue()).isEqualTo(-1.5);
        assertThat(node.get("note").isNull()).isTrue();
    }

    @Test
    void randomValuesRoundTripExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(42);

        for (int i = 0; i < 2_000; i++) {
            double reading = i % 2 == 0 ? random.nextDouble() * 1e6 - 5e5 : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(reading)) {
                reading = random.nextGaussian();
            }
            long count = random.nextLong();
            String note = randomText(random);
            RecordValue value = sensor("sensor-" + i, reading, count, random.nextInt(), random.nextBoolean(), note);

            JsonNode node = MAPPER.readTree(encoder.encode(value));

            assertThat(node.get("reading").doubleValue())
                    .as("reading of record %d", i)
                    .isEqualTo(reading);
            assertThat(node.get("count").longValue())
                    .as("count of record %d", i)
                    .isEqualTo(count);
            assertThat(node.get("note").textValue()).as("note of record %d", i).isEqualTo(note);
        }
    }

    @Test
    void unicodeIsWrittenAsUtf8() {
        byte[] bytes = encoder.encode("Grüße, 東京 \uD83D\uDE80");

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\"Grüße, 東京 \uD83D\uDE80\"");
    }

    @Test
    void scalarsBecomeJsonScalars() {
        assertThat(text(encoder.encode("sensor-0001"))).isEqualTo("\"sensor-0001\"");
        assertThat(text(encoder.encode(42L))).isEqualTo("42");
        assertThat(text(encoder.encode(21.5))).isEqualTo("21.5");
        assertThat(text(encoder.encode(true))).isEqualTo("true");
    }

    @Test
    void nullAndRawPayloadPassThrough() {
        byte[] raw = {0, (byte) 0xFF, '{'};

        assertThat(encoder.encode(null)).isNull();
        assertThat(encoder.encode(raw)).isSameAs(raw);
    }

    @Test
    void consecutiveRecordsAreSeparateDocuments() {
        RecordValue first = sensor("sensor-0001", 1.5, 1L, 1, true, "first");
        RecordValue second = sensor("sensor-0002", 2.5, 2L, 2, false, "second");
        byte[] secondAlone = new JsonFormatProvider()
                .create(FormatSpecs.valueSpec("type = json", SENSOR, problems))
                .encode(second);

        encoder.encode(first);
        byte[] secondAfterFirst = encoder.encode(second);

        assertThat(secondAfterFirst).isEqualTo(secondAlone);
        assertThat(secondAfterFirst[0]).isEqualTo((byte) '{');
    }

    @Test
    void textualTypesBecomeStrings() throws Exception {
        RecordValue value = RecordValue.of(RecordSchema.of("at"), new Object[] {Instant.parse("2026-01-01T00:00:00Z")});

        JsonNode node = MAPPER.readTree(encoder.encode(value));

        assertThat(node.get("at").textValue()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void unsupportedTypeNamesFieldAndRecovers() {
        RecordValue bad = RecordValue.of(RecordSchema.of("device_id", "thread"), new Object[] {"d", new Object()});

        assertThatThrownBy(() -> encoder.encode(bad))
                .isInstanceOf(KafkasimException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("field 'thread' of stream 'sensors'");
        assertThat(text(encoder.encode(42L))).isEqualTo("42");
    }

    private static RecordValue sensor(String id, double reading, long count, int small, boolean ok, String note) {
        RecordValue location = RecordValue.of(LOCATION, new Object[] {52.52, 13.405});
        List<Object> tags = Arrays.asList("a", 2L, null, RecordValue.of(LOCATION, new Object[] {-1.5, 0.0}));
        return RecordValue.of(SENSOR, new Object[] {id, reading, count, small, ok, note, location, tags, null});
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20, 0x1F680) : random.nextInt(0, 0x80);
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                codePoint = '"';
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
