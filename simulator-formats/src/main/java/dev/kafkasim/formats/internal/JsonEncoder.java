package dev.kafkasim.formats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.kafkasim.core.KafkasimException;
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
    // of escaped surrogates.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final String stream;
    private final ReusableOutputStream buffer = new ReusableOutputStream();
    private JsonGenerator generator;

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
            JsonValueWriter.write(generator, value, stream, null);
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
