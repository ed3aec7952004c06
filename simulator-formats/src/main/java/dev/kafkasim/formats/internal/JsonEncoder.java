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
import java.util.Objects;

/**
 * Encodes keys and values as UTF-8 JSON with one Jackson generator that is kept between records, writing into a
 * reused buffer. A {@code byte[]} key or value is a raw payload and is returned as it is.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class JsonEncoder implements RecordEncoder {
    // Characters outside the Basic Multilingual Plane (emoji, for one) are written as 4-byte UTF-8, not as a pair
    // of escaped surrogates. Doubles are written with Jackson's Schubfach writer, which is faster than
    // Double.toString on Java 17 and always gives the shortest text that reads back to the same double.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private final String stream;
    private final ReusableOutputStream buffer = new ReusableOutputStream();
    private JsonGenerator generator;
    private RecordSchema cachedSchema;
    private SerializableString[] cachedNames;

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
                JsonValueWriter.write(generator, value, stream, null);
            }
            generator.flush();
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
        SerializableString[] names = fieldNames(record.schema());
        generator.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            generator.writeFieldName(names[i]);
            JsonValueWriter.write(generator, record.get(i), stream, names[i].getValue());
        }
        generator.writeEndObject();
    }

    private SerializableString[] fieldNames(RecordSchema schema) {
        if (schema != cachedSchema) {
            SerializableString[] names = new SerializableString[schema.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(schema.name(i));
            }
            cachedNames = names;
            cachedSchema = schema;
        }
        return cachedNames;
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
