package dev.kafkasim.formats.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes field values to a Jackson {@link JsonGenerator} without converting them to maps first: a
 * {@link RecordValue} becomes an object in field order, a {@link List} an array, a number a JSON number, and text,
 * enums, UUIDs and {@code java.time} values a JSON string.
 */
final class JsonValueWriter {
    private JsonValueWriter() {}

    /**
     * Writes one value.
     *
     * @param generator the generator to write to
     * @param value the value, which may be {@code null}
     * @param stream the stream name, for error messages
     * @param field the field the value belongs to, for error messages; {@code null} for a whole key or value
     * @throws KafkasimException if the value, or a value nested in it, has a type JSON cannot represent
     */
    static void write(JsonGenerator generator, Object value, String stream, String field) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Number number) {
            writeNumber(generator, number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof RecordValue record) {
            writeRecord(generator, record, stream);
        } else if (value instanceof List<?> list) {
            writeList(generator, list, stream, field);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(generator, map, stream);
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (isTextual(value)) {
            generator.writeString(value.toString());
        } else {
            throw unsupported(value, stream, field);
        }
    }

    private static void writeRecord(JsonGenerator generator, RecordValue record, String stream) throws IOException {
        generator.writeStartObject();
        for (int i = 0; i < record.size(); i++) {
            String name = record.schema().name(i);
            generator.writeFieldName(name);
            write(generator, record.get(i), stream, name);
        }
        generator.writeEndObject();
    }

    private static void writeList(JsonGenerator generator, List<?> list, String stream, String field)
            throws IOException {
        generator.writeStartArray();
        for (Object element : list) {
            write(generator, element, stream, field);
        }
        generator.writeEndArray();
    }

    private static void writeMap(JsonGenerator generator, Map<?, ?> map, String stream) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            generator.writeFieldName(name);
            write(generator, entry.getValue(), stream, name);
        }
        generator.writeEndObject();
    }

    private static void writeNumber(JsonGenerator generator, Number number) throws IOException {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            generator.writeNumber(number.longValue());
        } else if (number instanceof Double) {
            writeDouble(generator, number.doubleValue());
        } else if (number instanceof Float) {
            generator.writeNumber(number.floatValue());
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (number instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else {
            generator.writeNumber(number.toString());
        }
    }

    private static void writeDouble(JsonGenerator generator, double value) throws IOException {
        char[] text = new char[16];
        int length = DecimalText.write(value, text);
        if (length < 0) {
            generator.writeNumber(value);
        } else {
            generator.writeNumber(text, 0, length);
        }
    }

    private static boolean isTextual(Object value) {
        return value instanceof CharSequence
                || value instanceof Character
                || value instanceof Enum<?>
                || value instanceof UUID
                || value instanceof TemporalAccessor;
    }

    private static KafkasimException unsupported(Object value, String stream, String field) {
        String where = field == null ? "stream '" + stream + "'" : "field '" + field + "' of stream '" + stream + "'";
        return new KafkasimException("unsupported type " + value.getClass().getName() + " in " + where
                + " for JSON; supported types are null, Boolean, Number, String, List, Map, byte[], UUID, enums,"
                + " java.time values and RecordValue");
    }
}
