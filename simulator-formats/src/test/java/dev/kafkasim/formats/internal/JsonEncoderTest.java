package dev.kafkasim.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Compares the encoder's direct writing with the text Jackson writes for the same values on its own. */
class JsonEncoderTest {
    private static final String[] CHARACTERS = {
        "a",
        "Z",
        "0",
        " ",
        "-",
        "_",
        "~",
        "/",
        "\"",
        "\\",
        "\n",
        "\r",
        "\t",
        "\b",
        "\f",
        "\u0000",
        "\u001f",
        "\u007f",
        "\u00e9",
        "\u00ff",
        "\u0100",
        "\u20ac",
        "\u4e2d",
        "\ufffd",
        "\ud83d\ude00"
    };
    private static final RecordSchema SENSOR = RecordSchema.of("device_id", "temperature", "count", "ok", "note", "at");
    private static final RecordSchema ODD_NAMES =
            RecordSchema.of("say \"hi\"", "caf\u00e9", "tab\there", "\ud83d\ude00");

    @Test
    void randomRecordsMatchJackson() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        JsonEncoder encoder = new JsonEncoder("sensors");
        for (int i = 0; i < 20_000; i++) {
            RecordSchema schema = i % 3 == 2 ? ODD_NAMES : SENSOR;
            Object[] values = new Object[schema.size()];
            for (int field = 0; field < values.length; field++) {
                values[field] = randomValue(random, 2);
            }
            RecordValue record = RecordValue.of(schema, values);

            assertThat(text(encoder.encode(record))).isEqualTo(text(jacksonText(record)));
        }
    }

    @Test
    void rootValuesMatchJackson() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        JsonEncoder encoder = new JsonEncoder("sensors");
        for (int i = 0; i < 20_000; i++) {
            Object value = randomValue(random, 1);
            if (value == null) {
                assertThat(encoder.encode(null)).isNull();
            } else {
                assertThat(text(encoder.encode(value))).isEqualTo(text(jacksonText(value)));
            }
        }
    }

    @Test
    void integerEdgesMatchJackson() throws IOException {
        JsonEncoder encoder = new JsonEncoder("sensors");
        long[] edges = {
            0,
            1,
            -1,
            9,
            10,
            -10,
            99,
            100,
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE
        };
        for (long edge : edges) {
            assertThat(text(encoder.encode(edge))).isEqualTo(Long.toString(edge));
        }
        assertThat(text(encoder.encode((short) -7))).isEqualTo("-7");
        assertThat(text(encoder.encode((byte) 127))).isEqualTo("127");
    }

    @Test
    void recordAfterFailureIsWhole() throws IOException {
        JsonEncoder encoder = new JsonEncoder("sensors");
        RecordValue bad = RecordValue.of(SENSOR, new Object[] {"d-1", 1.5, 2L, true, new Object(), "x"});
        RecordValue good = RecordValue.of(SENSOR, new Object[] {"d-2", 2.25, 3L, false, "n\u00e9", 1.0E-9});

        assertThatThrownBy(() -> encoder.encode(bad))
                .isInstanceOf(KafkasimException.class)
                .hasMessageContaining("field 'note' of stream 'sensors'");
        assertThat(text(encoder.encode(good))).isEqualTo(text(jacksonText(good)));
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 16 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> random.nextLong(-1000, 1000);
            case 4 -> random.nextInt();
            case 5 -> Math.round(random.nextDouble(-1e5, 1e5) * 100) / 100.0;
            case 6 -> Math.round(random.nextDouble(-10, 10) * 10_000) / 10_000.0;
            case 7 -> randomDouble(random);
            case 8, 9 -> randomString(random);
            case 10 -> "sensor-" + random.nextInt(1000);
            case 11 ->
                switch (random.nextInt(4)) {
                    case 0 -> UUID.randomUUID();
                    case 1 -> Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L));
                    case 2 -> (float) random.nextDouble(-100, 100);
                    default -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(6));
                };
            case 12 ->
                RecordValue.of(
                        RecordSchema.of("lat", "lon"),
                        new Object[] {randomValue(random, depth - 1), randomValue(random, depth - 1)});
            case 13 -> List.of("a", random.nextLong(100), randomString(random));
            case 14 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(randomString(random), randomValue(random, depth - 1));
                map.put("k", random.nextDouble());
                yield map;
            }
            default -> new ArrayList<>(Collections.singletonList(randomValue(random, depth - 1)));
        };
    }

    private static double randomDouble(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.NaN;
            case 3 -> Double.NEGATIVE_INFINITY;
            case 4 -> random.nextDouble() * 1e-6;
            case 5 -> random.nextDouble() * 1e12;
            case 6 -> Math.round(random.nextDouble(1e6, 1e7) * 1000) / 1000.0;
            default -> random.nextDouble(-1000, 1000);
        };
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        boolean plain = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            text.append(plain ? CHARACTERS[random.nextInt(8)] : CHARACTERS[random.nextInt(CHARACTERS.length)]);
        }
        return text.toString();
    }

    /** Returns the text Jackson writes on its own, with the encoder's factory and field names, as before direct writing. */
    private static byte[] jacksonText(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(out)) {
            if (value instanceof RecordValue record) {
                generator.writeStartObject();
                for (int i = 0; i < record.size(); i++) {
                    generator.writeFieldName(
                            new SerializedString(record.schema().name(i)));
                    JsonValueWriter.write(
                            generator, record.get(i), "sensors", record.schema().name(i));
                }
                generator.writeEndObject();
            } else {
                JsonValueWriter.write(generator, value, "sensors", null);
            }
        }
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
