package dev.kafkasim.core.spi;

import dev.kafkasim.core.RecordSchema;
import java.util.Objects;

/**
 * One stream as a sink sees it: its name, topic, field names and the encoders of its keys and values.
 *
 * @param stream the stream name
 * @param topic the destination topic
 * @param schema the field names of the stream's values
 * @param keyField the name of the field used as key, or {@code null} for records without a key
 * @param keyEncoder encodes keys to bytes
 * @param valueEncoder encodes values to bytes
 */
public record StreamBinding(
        String stream,
        String topic,
        RecordSchema schema,
        String keyField,
        RecordEncoder keyEncoder,
        RecordEncoder valueEncoder) {

    /**
     * Creates a binding.
     *
     * @throws NullPointerException if any argument other than {@code keyField} is null
     */
    public StreamBinding {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(keyEncoder, "keyEncoder");
        Objects.requireNonNull(valueEncoder, "valueEncoder");
    }
}
