package dev.kafkasim.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StringAndBytesFormatTest {
    private static final RecordSchema SCHEMA = RecordSchema.of("device_id", "temperature");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final RecordEncoder string =
            new StringFormatProvider().create(FormatSpecs.valueSpec("type = string", SCHEMA, problems));
    private final RecordEncoder bytes =
            new BytesFormatProvider().create(FormatSpecs.valueSpec("type = bytes", SCHEMA, problems));

    @Test
    void stringWritesScalarsAsText() {
        assertThat(text(string.encode("sensor-0001"))).isEqualTo("sensor-0001");
        assertThat(text(string.encode(21.5))).isEqualTo("21.5");
        assertThat(text(string.encode(42L))).isEqualTo("42");
        assertThat(text(string.encode(false))).isEqualTo("false");
    }

    @Test
    void stringWritesUnicodeAsUtf8() {
        byte[] encoded = string.encode("Grüße 東京");

        assertThat(encoded).isEqualTo("Grüße 東京".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stringWritesRecordAsJson() {
        RecordValue value = RecordValue.of(SCHEMA, new Object[] {"sensor-0001", 21.5});

        assertThat(text(string.encode(value))).isEqualTo("{\"device_id\":\"sensor-0001\",\"temperature\":21.5}");
    }

    @Test
    void stringPassesNullAndRawThrough() {
        byte[] raw = {1, 2, 3};

        assertThat(string.encode(null)).isNull();
        assertThat(string.encode(raw)).isSameAs(raw);
    }

    @Test
    void bytesPassesRawPayloadThrough() {
        byte[] raw = {(byte) 0xC3, 0x28};

        assertThat(bytes.encode(raw)).isSameAs(raw);
    }

    @Test
    void bytesWritesOtherValuesAsText() {
        RecordValue value = RecordValue.of(SCHEMA, new Object[] {"d", null});

        assertThat(text(bytes.encode("sensor-0001"))).isEqualTo("sensor-0001");
        assertThat(text(bytes.encode(value))).isEqualTo("{\"device_id\":\"d\",\"temperature\":null}");
        assertThat(bytes.encode(null)).isNull();
    }

    @Test
    void serviceLoaderFindsEveryFormat() {
        Map<String, FormatProvider> providers = ServiceLoader.load(FormatProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(FormatProvider::type, Function.identity()));

        assertThat(providers).containsOnlyKeys("json", "avro", "string", "csv", "bytes");
        assertThat(providers.get("avro")).isInstanceOf(AvroFormatProvider.class);
        assertThat(providers.get("json")).isInstanceOf(JsonFormatProvider.class);
        assertThat(providers.get("string")).isInstanceOf(StringFormatProvider.class);
        assertThat(providers.get("csv")).isInstanceOf(CsvFormatProvider.class);
        assertThat(providers.get("bytes")).isInstanceOf(BytesFormatProvider.class);
    }

    private static String text(byte[] encoded) {
        return new String(encoded, StandardCharsets.UTF_8);
    }
}
