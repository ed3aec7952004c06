package dev.kafkasim.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered field names of one stream's records, shared by every {@link RecordValue} of that stream so that a
 * record stores only an array of values.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RecordSchema {
    private final String[] names;
    private final Map<String, Integer> indexes;

    private RecordSchema(String[] names) {
        this.names = names;
        this.indexes = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            Objects.requireNonNull(names[i], "field name");
            if (indexes.put(names[i], i) != null) {
                throw new IllegalArgumentException("duplicate field name '" + names[i] + "'");
            }
        }
    }

    /**
     * Creates a schema from field names in declared order.
     *
     * @param names the field names, each unique and not null
     * @return the schema
     * @throws IllegalArgumentException if a name appears twice
     */
    public static RecordSchema of(List<String> names) {
        return new RecordSchema(names.toArray(String[]::new));
    }

    /**
     * Creates a schema from field names in declared order.
     *
     * @param names the field names, each unique and not null
     * @return the schema
     * @throws IllegalArgumentException if a name appears twice
     */
    public static RecordSchema of(String... names) {
        return new RecordSchema(names.clone());
    }

    /** Returns the number of fields. */
    public int size() {
        return names.length;
    }

    /**
     * Returns the name of the field at an index.
     *
     * @throws IndexOutOfBoundsException if the index is outside {@code 0..size()-1}
     */
    public String name(int index) {
        return names[index];
    }

    /** Returns the field names in declared order, as an unmodifiable list. */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * Returns the index of a field, or {@code -1} when the schema has no field of that name.
     *
     * @param name the field name
     */
    public int indexOf(String name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordSchema that && Arrays.equals(names, that.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return "RecordSchema" + Arrays.toString(names);
    }
}
