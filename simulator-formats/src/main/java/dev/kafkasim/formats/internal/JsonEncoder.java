package dev.kafkasim.formats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes keys and values as UTF-8 JSON into a reused buffer. The field names of records and the common values are
 * appended to the buffer directly: null, booleans, integers, doubles with at most four decimals, and strings of
 * printable ASCII without quotes or backslashes. Every other value goes through one Jackson generator that is kept
 * between records, so the text is the same as if Jackson wrote all of it. A {@code byte[]} key or value is a raw
 * payload and is returned as it is.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class JsonEncoder implements RecordEncoder {
    // Characters outside the Basic Multilingual Plane (emoji, for one) are written as 4-byte UTF-8, not as a pair
    // of escaped surrogates. Doubles are written with Jackson's Schubfach writer, which is faster than
    // Double.toString on Java 17 and always gives the shortest text that reads back to the same double.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private final String stream;
    private final ReusableOutputStream buffer = new ReusableOutputStream();
    private JsonGenerator generator;
    private RecordSchema cachedSchema;
    private SerializableString[] cachedNames;
    // Each name as Jackson writes it before a field's value: quoted, escaped and followed by a colon.
    private byte[][] cachedNameBytes;
    private final char[] decimal = new char[16];

    /**
     * Creates an encoder.
     *
     * @param stream the stream name, for error messages
     */
    public JsonEncoder(String stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.generator = newGenerator();
    }

    /**
     * Encodes a value as one JSON document.
     *
     * @throws KafkasimException if the value contains a type that JSON cannot represent
     */
    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        buffer.reset();
        try {
            if (value instanceof RecordValue record) {
                writeRecord(record);
            } else {
                writeValue(value, null);
            }
        } catch (IOException | RuntimeException e) {
            // A generator that failed halfway through a document cannot continue: start the next record afresh.
            generator = newGenerator();
            throw e instanceof KafkasimException known
                    ? known
                    : new KafkasimException("failed to encode a value of stream '" + stream + "' as JSON", e);
        }
        return buffer.toByteArray();
    }

    /** Writes a record value with its field names encoded once per schema, not once per record. */
    private void writeRecord(RecordValue record) throws IOException {
        RecordSchema schema = record.schema();
        byte[][] names = fieldNames(schema);
        buffer.write('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                buffer.write(',');
            }
            buffer.write(names[i], 0, names[i].length);
            writeValue(record.get(i), cachedNames[i].getValue());
        }
        buffer.write('}');
    }

    /**
     * Writes one value at the end of the buffer, the common kinds directly and the others with the Jackson generator.
     * The generator writes them as a root value with no separator and is flushed at once, so its bytes stay in order.
     */
    private void writeValue(Object value, String field) throws IOException {
        if (value == null) {
            writeAscii("null");
        } else if (value instanceof String text) {
            if (!buffer.writePlainQuoted(text)) {
                writeWithGenerator(text, field);
            }
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            buffer.writeLong(((Number) value).longValue());
        } else if (value instanceof Double number) {
            int length = DecimalText.write(number, decimal);
            if (length < 0) {
                writeWithGenerator(number, field);
            } else {
                buffer.writeAscii(decimal, length);
            }
        } else if (value instanceof Boolean bool) {
            writeAscii(bool ? "true" : "false");
        } else {
            writeWithGenerator(value, field);
        }
    }

    private void writeWithGenerator(Object value, String field) throws IOException {
        JsonValueWriter.write(generator, value, stream, field);
        generator.flush();
    }

    private void writeAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer.write(text.charAt(i));
        }
    }

    private byte[][] fieldNames(RecordSchema schema) throws IOException {
        if (schema != cachedSchema) {
            SerializableString[] names = new SerializableString[schema.size()];
            byte[][] nameBytes = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(schema.name(i));
                nameBytes[i] = encodedName(names[i]);
            }
            cachedNames = names;
            cachedNameBytes = nameBytes;
            cachedSchema = schema;
        }
        return cachedNameBytes;
    }

    /** Returns a field name and its colon as Jackson writes them, taken from a one-field object it writes. */
    private byte[] encodedName(SerializableString name) throws IOException {
        int start = buffer.size();
        generator.writeStartObject();
        generator.writeFieldName(name);
        generator.writeNull();
        generator.writeEndObject();
        generator.flush();
        byte[] object = buffer.copyFrom(start);
        buffer.truncate(start);
        // The object is '{', the quoted name, ':' and "null}".
        return Arrays.copyOfRange(object, 1, object.length - "null}".length());
    }

    /** Encodes a structured value as JSON text, for formats that embed JSON in text such as CSV fields. */
    String encodeToString(Object value) {
        return new String(encode(value), StandardCharsets.UTF_8);
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator created = FACTORY.createGenerator(buffer);
            // Each record is one document, so no separator is written between consecutive root values.
            created.setRootValueSeparator(null);
            return created;
        } catch (IOException e) {
            throw new KafkasimException("failed to create a JSON generator for stream '" + stream + "'", e);
        }
    }
}
