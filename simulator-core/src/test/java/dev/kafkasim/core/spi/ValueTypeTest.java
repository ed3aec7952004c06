package dev.kafkasim.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.FaultSpec;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypeTest {
    private static final RecordSchema POINT = RecordSchema.of("x", "label");

    @Test
    void ofInfersScalarsListsAndRecords() {
        RecordValue point = RecordValue.of(POINT, new Object[] {1L, null});

        assertThat(ValueType.of(7L)).isEqualTo(ValueType.LONG);
        assertThat(ValueType.of(7)).isEqualTo(ValueType.LONG);
        assertThat(ValueType.of(2.5)).isEqualTo(ValueType.DOUBLE);
        assertThat(ValueType.of("a")).isEqualTo(ValueType.STRING);
        assertThat(ValueType.of(null)).isEqualTo(ValueType.NULL);
        assertThat(ValueType.of(Arrays.asList(1L, 2.5, null))).isEqualTo(ValueType.arrayOf(ValueType.DOUBLE.orNull()));
        assertThat(ValueType.of(point)).isEqualTo(ValueType.objectOf(POINT, List.of(ValueType.LONG, ValueType.NULL)));
    }

    @Test
    void commonWidensNumbersAndKeepsNull() {
        assertThat(ValueType.common(List.of(ValueType.LONG, ValueType.DOUBLE))).isEqualTo(ValueType.DOUBLE);
        assertThat(ValueType.common(List.of(ValueType.STRING, ValueType.NULL))).isEqualTo(ValueType.STRING.orNull());
        assertThat(ValueType.common(List.of(ValueType.STRING, ValueType.LONG))).isEqualTo(ValueType.ANY);
        assertThat(ValueType.common(List.of(ValueType.NULL))).isEqualTo(ValueType.NULL);
    }

    @Test
    void acceptsChecksKindNullabilityAndNesting() {
        ValueType point = ValueType.objectOf(POINT, List.of(ValueType.LONG, ValueType.STRING.orNull()));

        assertThat(ValueType.LONG.accepts(3)).isTrue();
        assertThat(ValueType.LONG.accepts(3.0)).isFalse();
        assertThat(ValueType.LONG.accepts(null)).isFalse();
        assertThat(ValueType.LONG.orNull().accepts(null)).isTrue();
        assertThat(ValueType.arrayOf(ValueType.STRING).accepts(List.of("a", "b")))
                .isTrue();
        assertThat(ValueType.arrayOf(ValueType.STRING).accepts(List.of("a", 1L)))
                .isFalse();
        assertThat(point.accepts(RecordValue.of(POINT, new Object[] {1L, null})))
                .isTrue();
        assertThat(point.accepts(RecordValue.of(POINT, new Object[] {"1", null})))
                .isFalse();
        assertThat(point.accepts(RecordValue.of(RecordSchema.of("label", "x"), new Object[] {null, 1L})))
                .isFalse();
        assertThat(ValueType.ANY.accepts(new Object())).isTrue();
    }

    @Test
    void toStringNamesKindAndNull() {
        assertThat(ValueType.arrayOf(ValueType.TIMESTAMP_MILLIS.orNull()))
                .hasToString("array<timestamp-millis or null>");
        assertThat(ValueType.objectOf(POINT, List.of(ValueType.LONG, ValueType.UUID)))
                .hasToString("object{x: long, label: uuid}");
    }

    @Test
    void formatSpecValueTypeFollowsFaults() {
        RecordSchema schema = RecordSchema.of("id", "reading");
        List<ValueType> types = List.of(ValueType.STRING, ValueType.DOUBLE);

        ValueType clean = spec(schema, types, faults(0, 0), false).valueType();
        ValueType nullFields = spec(schema, types, faults(0, 0.1), false).valueType();
        ValueType key = spec(schema, types, faults(0, 0), true).valueType();
        ValueType nullKey = spec(schema, types, faults(0.1, 0), true).valueType();

        assertThat(clean).isEqualTo(ValueType.objectOf(schema, types));
        assertThat(nullFields)
                .isEqualTo(ValueType.objectOf(schema, List.of(ValueType.STRING.orNull(), ValueType.DOUBLE.orNull())));
        assertThat(key).isEqualTo(ValueType.STRING);
        assertThat(nullKey).isEqualTo(ValueType.STRING.orNull());
    }

    private static FormatSpec spec(RecordSchema schema, List<ValueType> types, FaultSpec faults, boolean forKey) {
        return new FormatSpec(
                "s",
                schema,
                types,
                "id",
                faults,
                forKey,
                "simulation.streams.s.format",
                ConfigFactory.parseString("type = avro"),
                null,
                new ArrayList<>());
    }

    private static FaultSpec faults(double nullKey, double nullField) {
        return new FaultSpec(
                0, null, 0, 0, Duration.ZERO, 0, Duration.ZERO, 0, nullKey, 0, nullField, 0, FaultSpec.POISON_KINDS, 1);
    }
}
