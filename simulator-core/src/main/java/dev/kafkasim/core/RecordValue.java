package dev.kafkasim.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The structured value of a record: a {@link RecordSchema} and one value per field, in declared order.
 *
 * <p>Field values are {@code null}, {@link Boolean}, {@link Long}, {@link Integer}, {@link Double}, {@link String},
 * {@link java.util.List} or a nested {@code RecordValue}. Formats turn a value into bytes at the sink edge.
 * Instances are immutable once built; the array passed to {@link #of} is not copied and must not change afterwards.
 */
public final class RecordValue {
    private final RecordSchema schema;
    private final Object[] values;

    private RecordValue(RecordSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * Creates a value that takes ownership of the array.
     *
     * @param schema the field names
     * @param values one value per field, in the schema's order; the caller must not change the array afterwards
     * @return the value
     * @throws IllegalArgumentException if the array length differs from the schema's size
     */
    public static RecordValue of(RecordSchema schema, Object[] values) {
        Objects.requireNonNull(schema, "schema");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(
                    "expected " + schema.size() + " values for " + schema + " but got " + values.length);
        }
        return new RecordValue(schema, values);
    }

    /** Returns the field names. */
    public RecordSchema schema() {
        return schema;
    }

    /** Returns the number of fields. */
    public int size() {
        return values.length;
    }

    /**
     * Returns the value of the field at an index.
     *
     * @throws IndexOutOfBoundsException if the index is outside {@code 0..size()-1}
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * Returns the value of a named field.
     *
     * @param name the field name
     * @return the value, which may be {@code null}
     * @throws IllegalArgumentException if the schema has no field of that name
     */
    public Object get(String name) {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no field '" + name + "' in " + schema);
        }
        return values[index];
    }

    /**
     * Returns a copy of this value with one field replaced, leaving this value unchanged.
     *
     * @param index the field index
     * @param value the new value
     * @return the copy
     */
    public RecordValue with(int index, Object value) {
        Object[] copy = values.clone();
        copy[index] = value;
        return new RecordValue(schema, copy);
    }

    /** Returns the fields as a new insertion-ordered map, with nested values converted too. For tests and tools. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            map.put(schema.name(i), value instanceof RecordValue nested ? nested.toMap() : value);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordValue that
                && schema.equals(that.schema)
                && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
