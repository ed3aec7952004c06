package dev.kafkasim.core.internal;

import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.spi.EmittedValues;
import dev.kafkasim.core.spi.StreamCatalog;
import dev.kafkasim.core.spi.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog of a simulation's streams, and the collections of sent values that generators asked for. The engine
 * adds values through {@link #record}; only the driver thread reads and writes them.
 */
public final class SpecCatalog implements StreamCatalog {
    private final Map<String, StreamSpec> streams;
    private final Map<String, Map<String, Values>> emitted = new LinkedHashMap<>();
    private final Map<String, Map<String, ValueType>> types = new LinkedHashMap<>();

    /**
     * Creates a catalog of streams.
     *
     * @param streams the streams by name, in declared order
     */
    public SpecCatalog(Map<String, StreamSpec> streams) {
        this.streams = streams;
    }

    @Override
    public List<String> streams() {
        return List.copyOf(streams.keySet());
    }

    @Override
    public List<String> fields(String stream) {
        StreamSpec spec = streams.get(stream);
        return spec == null ? List.of() : spec.fieldNames();
    }

    @Override
    public String keyField(String stream) {
        StreamSpec spec = streams.get(stream);
        return spec == null ? null : spec.keyField();
    }

    @Override
    public EmittedValues emitted(String stream, String field) {
        if (!fields(stream).contains(field)) {
            throw new IllegalArgumentException("no field '" + field + "' in stream '" + stream + "'");
        }
        return emitted.computeIfAbsent(stream, s -> new LinkedHashMap<>())
                .computeIfAbsent(field, f -> new Values(stream, f));
    }

    @Override
    public ValueType fieldType(String stream, String field) {
        return types.getOrDefault(stream, Map.of()).getOrDefault(field, ValueType.ANY);
    }

    /**
     * Stores the types a stream's generators declared, for references to them from streams loaded later.
     *
     * @param stream the stream name
     * @param fieldTypes the type of each field by name
     */
    public void recordTypes(String stream, Map<String, ValueType> fieldTypes) {
        types.put(stream, Map.copyOf(fieldTypes));
    }

    /**
     * Returns the collections of one stream's fields that generators asked for, by field name.
     *
     * @param stream the stream name
     */
    public Map<String, Values> collected(String stream) {
        return emitted.getOrDefault(stream, Map.of());
    }

    /** The distinct values of one field in the order first sent. */
    public static final class Values implements EmittedValues {
        private final String stream;
        private final String field;
        private final List<Object> values = new ArrayList<>();
        private final Set<Object> seen = new HashSet<>();

        Values(String stream, String field) {
            this.stream = stream;
            this.field = field;
        }

        /** Adds a value unless it is null or was added before. */
        public void record(Object value) {
            if (value != null && seen.add(value)) {
                values.add(value);
            }
        }

        @Override
        public String stream() {
            return stream;
        }

        @Override
        public String field() {
            return field;
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }
    }
}
