package dev.kafkasim.core.spi;

import java.util.List;

/**
 * The streams of a simulation and their fields, as generators see them at load, so that a generator can check a
 * reference to another stream or field and obtain its {@link EmittedValues}.
 */
public interface StreamCatalog {
    /** Returns the stream names in declared order. */
    List<String> streams();

    /**
     * Returns a stream's field names in declared order, or an empty list for an unknown stream.
     *
     * @param stream the stream name
     */
    List<String> fields(String stream);

    /**
     * Returns the name of a stream's key field, or {@code null} when it has none or the stream is unknown.
     *
     * @param stream the stream name
     */
    String keyField(String stream);

    /**
     * Returns the collection of a field's sent values, creating it so that the engine starts collecting.
     *
     * @param stream an existing stream
     * @param field an existing field of that stream
     */
    EmittedValues emitted(String stream, String field);

    /**
     * Returns the type a field's generator declared, once that field's stream has been loaded (streams load in
     * declared order), otherwise {@link ValueType#ANY}.
     *
     * @param stream the stream name
     * @param field the field name
     */
    default ValueType fieldType(String stream, String field) {
        return ValueType.ANY;
    }

    /** Returns a catalog with no streams, for generators tested on their own. */
    static StreamCatalog empty() {
        return new StreamCatalog() {
            @Override
            public List<String> streams() {
                return List.of();
            }

            @Override
            public List<String> fields(String stream) {
                return List.of();
            }

            @Override
            public String keyField(String stream) {
                return null;
            }

            @Override
            public EmittedValues emitted(String stream, String field) {
                throw new IllegalArgumentException("no streams in an empty catalog");
            }
        };
    }
}
