package dev.kafkasim.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatProviderTest {
    private static final RecordSchema SCHEMA = RecordSchema.of("device_id", "temperature", "note");

    private final List<ConfigProblem> problems = new ArrayList<>();

    @Test
    void plainFieldsAreJoinedUnquoted() {
        RecordEncoder encoder = encoder("type = csv");

        String line = text(encoder.encode(record("sensor-0001", 21.5, "fine")));

        assertThat(line).isEqualTo("sensor-0001,21.5,fine");
        assertThat(problems).isEmpty();
    }

    @Test
    void specialCharactersAreQuotedPerRfc4180() {
        RecordEncoder encoder = encoder("type = csv");

        assertThat(text(encoder.encode(record("a,b", 1.0, "x")))).isEqualTo("\"a,b\",1.0,x");
        assertThat(text(encoder.encode(record("say \"hi\"", 1.0, "x")))).isEqualTo("\"say \"\"hi\"\"\",1.0,x");
        assertThat(text(encoder.encode(record("two\nlines", 1.0, "x")))).isEqualTo("\"two\nlines\",1.0,x");
        assertThat(text(encoder.encode(record("cr\rhere", 1.0, "x")))).isEqualTo("\"cr\rhere\",1.0,x");
    }

    @Test
    void nullAndEmptyStringDiffer() {
        RecordEncoder encoder = encoder("type = csv");

        String line = text(encoder.encode(record("", 1.0, null)));

        assertThat(line).isEqualTo("\"\",1.0,");
    }

    @Test
    void delimiterOptionChangesSeparatorAndQuoting() {
        RecordEncoder encoder = encoder("type = csv, delimiter = \";\"");

        String line = text(encoder.encode(record("a,b", 1.0, "c;d")));

        assertThat(line).isEqualTo("a,b;1.0;\"c;d\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void tabDelimiterIsAccepted() {
        RecordEncoder encoder = encoder("type = csv, delimiter = \"\\t\"");

        assertThat(text(encoder.encode(record("a", 1.0, "b")))).isEqualTo("a\t1.0\tb");
    }

    @Test
    void nullValueOptionIsWrittenForNull() {
        RecordEncoder encoder = encoder("type = csv, null-value = NULL");

        String line = text(encoder.encode(record("NULL", 1.0, null)));

        assertThat(line).isEqualTo("\"NULL\",1.0,NULL");
    }

    @Test
    void nestedValuesBecomeQuotedJson() {
        RecordEncoder encoder = encoder("type = csv");
        RecordValue nested = RecordValue.of(RecordSchema.of("lat", "lon"), new Object[] {1.5, 2.5});

        String line = text(encoder.encode(record("d", 1.0, nested)));

        assertThat(line).isEqualTo("d,1.0,\"{\"\"lat\"\":1.5,\"\"lon\"\":2.5}\"");
    }

    @Test
    void scalarBecomesOneField() {
        RecordEncoder encoder = encoder("type = csv");

        assertThat(text(encoder.encode("a,b"))).isEqualTo("\"a,b\"");
        assertThat(text(encoder.encode(7L))).isEqualTo("7");
    }

    @Test
    void longDelimiterIsRejected() {
        encoder("type = csv, delimiter = \"||\"");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.streams.sensors.format.delimiter");
            assertThat(problem.message())
                    .isEqualTo("invalid value \"||\"; expected one character other than a double quote,"
                            + " carriage return or line feed, such as \",\", \";\" or \"\\t\"");
            assertThat(problem.origin()).contains("test.conf");
        });
    }

    @Test
    void quoteDelimiterIsRejected() {
        encoder("type = csv, delimiter = \"\\\"\"");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.streams.sensors.format.delimiter");
            assertThat(problem.message()).startsWith("invalid value \"\\\"\"");
        });
    }

    @Test
    void nullValueWithDelimiterIsRejected() {
        encoder("type = csv, null-value = \"n,a\"");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.streams.sensors.format.null-value");
            assertThat(problem.message()).startsWith("invalid value \"n,a\"; expected text without the delimiter");
        });
    }

    @Test
    void misspelledOptionIsReportedAsUnknown() {
        var spec = FormatSpecs.valueSpec("type = csv, delimeter = \";\"", SCHEMA, problems);

        new CsvFormatProvider().create(spec);
        spec.rejectUnknownKeys();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.streams.sensors.format.delimeter");
            assertThat(problem.message()).contains("did you mean 'delimiter'?");
        });
    }

    private RecordEncoder encoder(String hocon) {
        return new CsvFormatProvider().create(FormatSpecs.valueSpec(hocon, SCHEMA, problems));
    }

    private static RecordValue record(Object id, Object temperature, Object note) {
        return RecordValue.of(SCHEMA, new Object[] {id, temperature, note});
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
