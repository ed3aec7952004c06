package dev.kafkasim.examples.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.errors.SerializationException;

/** JSON reading and writing shared by the example applications. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /**
     * Parses a record value.
     *
     * @throws SerializationException if the text is not JSON, so that Kafka Streams' handlers see a record error
     */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SerializationException("record value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns a new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes a node as compact JSON text. */
    static String write(JsonNode node) {
        return node.toString();
    }
}
