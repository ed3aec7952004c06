package dev.kafkasim.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.FaultSpec;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.core.spi.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroFormatProviderTest {
    private static final RecordSchema LOCATION = RecordSchema.of("lat", "lon");
    private static final ValueType LOCATION_TYPE =
            ValueType.objectOf(LOCATION, List.of(ValueType.DOUBLE, ValueType.DOUBLE));
    private static final RecordSchema SENSOR =
            RecordSchema.of("device_id", "reading", "count", "ok", "note", "at", "id", "location", "tags", "status");
    private static final List<ValueType> SENSOR_TYPES = List.of(
            ValueType.STRING,
            ValueType.DOUBLE,
            ValueType.LONG,
            ValueType.BOOLEAN,
            ValueType.STRING.orNull(),
            ValueType.TIMESTAMP_MILLIS,
            ValueType.UUID,
            LOCATION_TYPE,
            ValueType.arrayOf(ValueType.LONG.orNull()),
            ValueType.STRING);

    @TempDir
    Path directory;

    private final List<ConfigProblem> problems = new ArrayList<>();

    @Test
    void derivedSchemaMapsEachType() {
        Schema schema = schema(encoder("type = avro", FaultSpec.NONE));

        assertThat(schema.getFullName()).isEqualTo("dev.kafkasim.generated.sensors");
        assertThat(fieldSchema(schema, "device_id")).isEqualTo("\"string\"");
        assertThat(fieldSchema(schema, "reading")).isEqualTo("\"double\"");
        assertThat(fieldSchema(schema, "count")).isEqualTo("\"long\"");
        assertThat(fieldSchema(schema, "ok")).isEqualTo("\"boolean\"");
        assertThat(fieldSchema(schema, "note")).isEqualTo("[\"null\",\"string\"]");
        assertThat(fieldSchema(schema, "at")).isEqualTo("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        assertThat(fieldSchema(schema, "id")).isEqualTo("{\"type\":\"string\",\"logicalType\":\"uuid\"}");
        assertThat(schema.getField("location").schema().getFullName())
                .isEqualTo("dev.kafkasim.generated.sensors_location");
        assertThat(fieldSchema(schema, "tags")).isEqualTo("{\"type\":\"array\",\"items\":[\"null\",\"long\"]}");
        assertThat(schema.getField("note").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(problems).isEmpty();
    }

    @Test
    void valuesRoundTripThroughGenericReader() throws IOException {
        RecordEncoder encoder = encoder("type = avro", FaultSpec.NONE);
        Schema schema = schema(encoder);
        SplittableRandom random = new SplittableRandom(7);

        for (int i = 0; i < 1_000; i++) {
            RecordValue value = randomSensor(random, i);

            GenericRecord read = read(schema, encoder.encode(value));

            assertThat(plain(read)).as("record %d", i).isEqualTo(value.toMap());
        }
    }

    @Test
    void edgeValuesRoundTripExactly() throws IOException {
        RecordEncoder encoder = encoder("type = avro", FaultSpec.NONE);
        Schema schema = schema(encoder);
        String text = "quote \" backslash \\ tab \t newline \n nul \u0000 Grüße 東京 \uD83D\uDE80";
        RecordValue value =
                sensor(text, -0.0, Long.MIN_VALUE, false, "", Long.MAX_VALUE, Arrays.asList(null, 0L, -1L), Double.NaN);

        GenericRecord read = read(schema, encoder.encode(value));

        assertThat(plain(read)).isEqualTo(value.toMap());
        assertThat(Double.doubleToRawLongBits((Double) read.get("reading")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void nullFieldFaultsMakeEveryFieldNullable() throws IOException {
        RecordEncoder encoder = encoder("type = avro", faults(0.1, 0));
        Schema schema = schema(encoder);
        RecordValue value = sensor("d", 1.5, 2L, true, "n", 3L, List.of(), 4.5).with(1, null);

        GenericRecord read = read(schema, encoder.encode(value));

        assertThat(schema.getFields())
                .allSatisfy(field ->
                        assertThat(field.schema().isNullable()).as(field.name()).isTrue());
        assertThat(read.get("reading")).isNull();
        assertThat(plain(read)).isEqualTo(value.toMap());
    }

    @Test
    void namespaceOptionNamesRecords() {
        Schema schema = schema(encoder("type = avro, namespace = com.example.events", FaultSpec.NONE));

        assertThat(schema.getFullName()).isEqualTo("com.example.events.sensors");
        assertThat(problems).isEmpty();
    }

    @Test
    void invalidNamespaceIsRejected() {
        encoder("type = avro, namespace = \"com.1bad\"", FaultSpec.NONE);

        assertThat(rendered())
                .containsExactly("test.conf:1: simulation.streams.sensors.format.namespace: invalid value"
                        + " 'com.1bad'; expected a dotted name such as com.example.events, or \"\"");
    }

    @Test
    void unknownOptionIsRejected() {
        FormatSpec spec = spec("type = avro, namespce = x", SENSOR, SENSOR_TYPES, FaultSpec.NONE, false);
        new AvroFormatProvider().create(spec);
        spec.rejectUnknownKeys();

        assertThat(rendered())
                .singleElement()
                .asString()
                .startsWith("test.conf:1: simulation.streams.sensors.format.namespce: unknown key; did you mean"
                        + " 'namespace'?");
    }

    @Test
    void fieldNameAvroRejectsIsReported() {
        RecordSchema names = RecordSchema.of("device-id");
        encoder(spec("type = avro", names, List.of(ValueType.STRING), FaultSpec.NONE, false));

        assertThat(rendered())
                .containsExactly("test.conf:1: simulation.streams.sensors.format: field 'device-id' of stream"
                        + " 'sensors' is not a valid Avro name; Avro names use letters, digits and _ and do not"
                        + " start with a digit, such as 'device_id'");
    }

    @Test
    void schemaFileIsUsedWhenItFits() throws IOException {
        Path file = writeSchema("sensor.avsc", fittingSchema());
        RecordEncoder encoder = encoder("type = avro, schema = \"" + file + "\"", FaultSpec.NONE);
        RecordValue value = sensor("d-1", 2.5, 9L, true, null, 5L, List.of(1L), 1.25);

        GenericRecord read = read(new Schema.Parser().parse(file.toFile()), encoder.encode(value));

        assertThat(problems).isEmpty();
        assertThat(plain(read)).isEqualTo(value.toMap());
        assertThat(read.getSchema().getFields().get(0).name()).isEqualTo("status");
    }

    @Test
    void relativeSchemaPathIsResolvedAgainstScenarioFile() throws IOException {
        writeSchema("sensor.avsc", fittingSchema());
        Path scenario = directory.resolve("scenario.conf");
        Files.writeString(scenario, "type = avro\nschema = sensor.avsc\n");
        Config config = ConfigFactory.parseFile(scenario.toFile());
        FormatSpec spec = new FormatSpec(
                "sensors",
                SENSOR,
                SENSOR_TYPES,
                null,
                FaultSpec.NONE,
                false,
                FormatSpecs.PATH,
                config,
                config.origin(),
                problems);

        new AvroFormatProvider().create(spec);

        assertThat(problems).isEmpty();
    }

    @Test
    void mismatchedSchemaFileIsRejected() throws IOException {
        String mismatched = fittingSchema()
                .replace(
                        "{\"name\": \"reading\", \"type\": \"double\"}",
                        "{\"name\": \"reading\", \"type\": \"string\"}")
                .replace(
                        "{\"name\": \"note\", \"type\": [\"null\", \"string\"]}",
                        "{\"name\": \"note\", \"type\": \"string\"}")
                .replace("{\"name\": \"ok\", \"type\": \"boolean\"},", "{\"name\": \"extra\", \"type\": \"int\"},");
        Path file = writeSchema("mismatched.avsc", mismatched);

        encoder("type = avro\nschema = \"" + file + "\"", FaultSpec.NONE);

        String prefix = "test.conf:2: simulation.streams.sensors.format.schema: Avro schema mismatched.avsc does not"
                + " fit stream 'sensors': ";
        assertThat(rendered())
                .containsExactly(
                        prefix + "field 'reading' has double values, which do not fit schema type \"string\"; expected"
                                + " \"double\"",
                        prefix + "field 'ok' is missing from schema record sensors; add it as \"boolean\"",
                        prefix + "field 'note' can be null, but schema type \"string\" does not allow null; expected"
                                + " [\"null\",\"string\"]",
                        prefix + "schema record sensors has field 'extra', which the stream does not generate; valid"
                                + " fields: device_id, reading, count, ok, note, at, id, location, tags, status");
    }

    @Test
    void unreadableSchemaFileIsRejected() {
        Path missing = directory.resolve("missing.avsc");

        encoder("type = avro, schema = \"" + missing + "\"", FaultSpec.NONE);

        assertThat(rendered())
                .singleElement()
                .asString()
                .startsWith("test.conf:1: simulation.streams.sensors.format.schema: invalid value '" + missing
                        + "'; expected a readable Avro schema file");
    }

    @Test
    void invalidSchemaFileIsRejected() throws IOException {
        Path file = writeSchema("broken.avsc", "{\"type\": \"record\", \"name\": \"x\", \"fields\": [");

        encoder("type = avro, schema = \"" + file + "\"", FaultSpec.NONE);

        assertThat(rendered())
                .singleElement()
                .asString()
                .startsWith("test.conf:1: simulation.streams.sensors.format.schema: invalid Avro schema in " + file);
    }

    @Test
    void mistypedValueNamesFieldWithoutPoison() {
        RecordEncoder encoder = encoder("type = avro", FaultSpec.NONE);
        RecordValue value = sensor("d", 1.0, 1L, true, null, 1L, List.of(), 1.0).with(2, "not-a-number");

        assertThatThrownBy(() -> encoder.encode(value))
                .isInstanceOf(KafkasimException.class)
                .hasMessage("cannot encode field 'count' of stream 'sensors' as Avro: java.lang.String 'not-a-number'"
                        + " does not fit schema type \"long\"");
    }

    @Test
    void nestedMismatchNamesNestedField() {
        RecordEncoder encoder = encoder("type = avro", FaultSpec.NONE);
        RecordValue location = RecordValue.of(LOCATION, new Object[] {1.0, "east"});
        RecordValue value = sensor("d", 1.0, 1L, true, null, 1L, List.of(), 1.0).with(7, location);

        assertThatThrownBy(() -> encoder.encode(value))
                .isInstanceOf(KafkasimException.class)
                .hasMessageContaining("field 'location.lon'");
    }

    @Test
    void wrongTypePoisonIsWrittenInItsOwnType() throws IOException {
        RecordEncoder encoder = encoder("type = avro", faults(0, 0.1));
        RecordValue clean = sensor("d", 1.0, 1L, true, null, 1L, List.of(), 1.0);
        RecordValue mistyped = clean.with(2, "not-a-number");

        byte[] bytes = encoder.encode(mistyped);

        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("\u0018not-a-number");
        assertThat(readOrNull(schema(encoder), bytes)).isNotEqualTo(read(schema(encoder), encoder.encode(clean)));
    }

    @Test
    void keyFormatEncodesKeyFieldAlone() throws IOException {
        FormatSpec spec = spec("type = avro", SENSOR, SENSOR_TYPES, faults(0, 0), true, "device_id");
        RecordEncoder encoder = new AvroFormatProvider().create(spec);

        byte[] bytes = encoder.encode("sensor-0007");

        Schema schema = schema(encoder);
        assertThat(schema.getType()).isEqualTo(Schema.Type.STRING);
        Object read =
                new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(read).hasToString("sensor-0007");
    }

    @Test
    void nullKeyFaultsMakeKeyNullable() {
        FaultSpec nullKeys = new FaultSpec(
                0, null, 0, 0, Duration.ZERO, 0, Duration.ZERO, 0, 0.1, 0, 0, 0, FaultSpec.POISON_KINDS, 1024);
        FormatSpec spec = spec("type = avro", SENSOR, SENSOR_TYPES, nullKeys, true, "device_id");

        Schema schema = schema(new AvroFormatProvider().create(spec));

        assertThat(schema.toString()).isEqualTo("[\"null\",\"string\"]");
    }

    @Test
    void undeclaredTypeBecomesUnionOfScalars() throws IOException {
        RecordSchema names = RecordSchema.of("anything");
        RecordEncoder encoder = encoder(spec("type = avro", names, List.of(ValueType.ANY), FaultSpec.NONE, false));
        Schema schema = schema(encoder);

        for (Object value : Arrays.asList(null, true, 5L, 2.5, "text")) {
            GenericRecord read = read(schema, encoder.encode(RecordValue.of(names, new Object[] {value})));
            assertThat(plain(read))
                    .isEqualTo(RecordValue.of(names, new Object[] {value}).toMap());
        }
        assertThat(fieldSchema(schema, "anything")).isEqualTo("[\"null\",\"boolean\",\"long\",\"double\",\"string\"]");
    }

    @Test
    void nullAndRawPayloadPassThrough() {
        RecordEncoder encoder = encoder("type = avro", FaultSpec.NONE);
        byte[] raw = {0, 1, 2};

        assertThat(encoder.encode(null)).isNull();
        assertThat(encoder.encode(raw)).isSameAs(raw);
    }

    private RecordEncoder encoder(String hocon, FaultSpec faults) {
        return encoder(spec(hocon, SENSOR, SENSOR_TYPES, faults, false));
    }

    private static RecordEncoder encoder(FormatSpec spec) {
        return new AvroFormatProvider().create(spec);
    }

    private FormatSpec spec(String hocon, RecordSchema names, List<ValueType> types, FaultSpec faults, boolean key) {
        return spec(hocon, names, types, faults, key, null);
    }

    private FormatSpec spec(
            String hocon, RecordSchema names, List<ValueType> types, FaultSpec faults, boolean key, String keyField) {
        Config config =
                ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription("test.conf"));
        return new FormatSpec(
                "sensors", names, types, keyField, faults, key, FormatSpecs.PATH, config, config.origin(), problems);
    }

    private static FaultSpec faults(double nullField, double poison) {
        return new FaultSpec(
                0,
                null,
                0,
                0,
                Duration.ZERO,
                0,
                Duration.ZERO,
                0,
                0,
                0,
                nullField,
                poison,
                FaultSpec.POISON_KINDS,
                1024);
    }

    private static Schema schema(RecordEncoder encoder) {
        return new Schema.Parser().parse(encoder.schema());
    }

    private static String fieldSchema(Schema schema, String field) {
        return schema.getField(field).schema().toString();
    }

    private static GenericRecord read(Schema schema, byte[] bytes) throws IOException {
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        var decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        GenericRecord record = reader.read(null, decoder);
        assertThat(decoder.isEnd()).as("every byte read").isTrue();
        return record;
    }

    private static Object readOrNull(Schema schema, byte[] bytes) {
        try {
            return read(schema, bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Converts what Avro's generic reader returns to the Java values generators return. */
    private static Object plain(Object avro) {
        if (avro instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                map.put(field.name(), plain(record.get(field.name())));
            }
            return map;
        }
        if (avro instanceof List<?> list) {
            List<Object> plainList = new ArrayList<>();
            list.forEach(element -> plainList.add(plain(element)));
            return plainList;
        }
        if (avro instanceof Utf8 || avro instanceof GenericData.EnumSymbol) {
            return avro.toString();
        }
        return avro;
    }

    private Path writeSchema(String name, String json) throws IOException {
        return Files.writeString(directory.resolve(name), json);
    }

    /** Returns a schema that fits the sensor fields, with the fields in another order and status an enum. */
    private static String fittingSchema() {
        return """
                {"type": "record", "name": "sensors", "fields": [
                  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["OK", "WARN"]}},
                  {"name": "device_id", "type": "string"},
                  {"name": "reading", "type": "double"},
                  {"name": "count", "type": "long"},
                  {"name": "ok", "type": "boolean"},
                  {"name": "note", "type": ["null", "string"]},
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "id", "type": "string"},
                  {"name": "location", "type": {"type": "record", "name": "Location", "fields": [
                    {"name": "lat", "type": "double"}, {"name": "lon", "type": "double"}]}},
                  {"name": "tags", "type": {"type": "array", "items": ["null", "long"]}}
                ]}
                """;
    }

    private static RecordValue randomSensor(SplittableRandom random, int index) {
        double reading = index % 2 == 0 ? random.nextDouble() * 1e6 - 5e5 : Double.longBitsToDouble(random.nextLong());
        StringBuilder note = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int codePoint = random.nextInt(0x20, 0x1F680);
            note.appendCodePoint(Character.isSurrogate((char) codePoint) ? '"' : codePoint);
        }
        List<Object> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(random.nextInt(5) == 0 ? null : random.nextLong());
        }
        return sensor(
                "sensor-" + index,
                reading,
                random.nextLong(),
                random.nextBoolean(),
                random.nextBoolean() ? null : note.toString(),
                random.nextLong(0, 4_102_444_800_000L),
                tags,
                random.nextDouble(-90, 90));
    }

    private static RecordValue sensor(
            String id, double reading, long count, boolean ok, String note, long at, List<Object> tags, double lat) {
        RecordValue location = RecordValue.of(LOCATION, new Object[] {lat, 0.5});
        String uuid = new java.util.UUID(count, at).toString();
        return RecordValue.of(
                SENSOR, new Object[] {id, reading, count, ok, note, at, uuid, location, tags, ok ? "OK" : "WARN"});
    }

    private List<String> rendered() {
        return problems.stream().map(ConfigProblem::render).toList();
    }
}
