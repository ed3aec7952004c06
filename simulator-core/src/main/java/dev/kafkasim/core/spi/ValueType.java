package dev.kafkasim.core.spi;

import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The kind of values a generator declares it returns, such as whole numbers or nested records, and whether it may
 * return {@code null}. Formats with a schema (Avro) derive it from the declared types of a stream's fields.
 *
 * <p>A generator declares its type with {@link GeneratorSpec#declare(ValueType)}; a generator that declares none
 * has the type {@link #ANY}. Instances are immutable.
 */
public final class ValueType {
    /** The kinds of value, each with the Java types a generator returns for it. */
    public enum Kind {
        /** Only {@code null}. */
        NULL,
        /** {@link Boolean}. */
        BOOLEAN,
        /** Whole numbers: {@link Long}, or {@link Integer}. */
        LONG,
        /** Decimals: {@link Double}. */
        DOUBLE,
        /** Text: {@link String}. */
        STRING,
        /** A {@link String} holding a UUID, such as {@code 0b7d...-...}. */
        UUID,
        /** A {@link Long} holding epoch milliseconds. */
        TIMESTAMP_MILLIS,
        /** A {@link List} whose elements are of {@link #items()}. */
        ARRAY,
        /** A nested {@link RecordValue} whose fields are {@link #fields()}. */
        OBJECT,
        /** Not declared: any of the Java types above. */
        ANY
    }

    /** Only {@code null}. */
    public static final ValueType NULL = new ValueType(Kind.NULL, true, null, null, List.of());

    /** {@link Boolean} values. */
    public static final ValueType BOOLEAN = scalar(Kind.BOOLEAN);

    /** Whole numbers, as {@link Long}. */
    public static final ValueType LONG = scalar(Kind.LONG);

    /** Decimals, as {@link Double}. */
    public static final ValueType DOUBLE = scalar(Kind.DOUBLE);

    /** Text, as {@link String}. */
    public static final ValueType STRING = scalar(Kind.STRING);

    /** UUIDs in their text form, as {@link String}. */
    public static final ValueType UUID = scalar(Kind.UUID);

    /** Instants as epoch milliseconds, as {@link Long}. */
    public static final ValueType TIMESTAMP_MILLIS = scalar(Kind.TIMESTAMP_MILLIS);

    /** Values of a type not declared, which may be {@code null}. */
    public static final ValueType ANY = new ValueType(Kind.ANY, true, null, null, List.of());

    private final Kind kind;
    private final boolean nullable;
    private final ValueType items;
    private final RecordSchema fields;
    private final List<ValueType> fieldTypes;

    private ValueType(Kind kind, boolean nullable, ValueType items, RecordSchema fields, List<ValueType> fieldTypes) {
        this.kind = kind;
        this.nullable = nullable;
        this.items = items;
        this.fields = fields;
        this.fieldTypes = fieldTypes;
    }

    private static ValueType scalar(Kind kind) {
        return new ValueType(kind, false, null, null, List.of());
    }

    /**
     * Returns the type of lists whose elements are of one type.
     *
     * @param items the type of the elements
     */
    public static ValueType arrayOf(ValueType items) {
        return new ValueType(Kind.ARRAY, false, Objects.requireNonNull(items, "items"), null, List.of());
    }

    /**
     * Returns the type of nested records with the given fields.
     *
     * @param fields the field names in declared order
     * @param types one type per field, in the same order
     * @throws IllegalArgumentException if the counts differ
     */
    public static ValueType objectOf(RecordSchema fields, List<ValueType> types) {
        Objects.requireNonNull(fields, "fields");
        if (types.size() != fields.size()) {
            throw new IllegalArgumentException(
                    "expected " + fields.size() + " types for " + fields + " but got " + types.size());
        }
        return new ValueType(Kind.OBJECT, false, null, fields, List.copyOf(types));
    }

    /**
     * Returns the type of one value as a generator would return it, such as a constant from the configuration: a
     * {@code List} takes the common type of its elements and a {@link RecordValue} the types of its fields.
     *
     * @param value the value, which may be {@code null}
     */
    public static ValueType of(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Long || value instanceof Integer) {
            return LONG;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof List<?> list) {
            List<ValueType> elements = new ArrayList<>();
            list.forEach(element -> elements.add(of(element)));
            return arrayOf(elements.isEmpty() ? ANY : common(elements));
        } else if (value instanceof RecordValue record) {
            List<ValueType> types = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                types.add(of(record.get(i)));
            }
            return objectOf(record.schema(), types);
        }
        return ANY;
    }

    /**
     * Returns the narrowest type that covers every given type: the same type when all agree, decimals for a mix of
     * whole numbers and decimals, the nullable form when one of them is {@link #NULL} or nullable, and {@link #ANY}
     * when they do not fit one type.
     *
     * @param types at least one type
     * @throws IllegalArgumentException if {@code types} is empty
     */
    public static ValueType common(Collection<ValueType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no types to combine");
        }
        boolean anyNull = false;
        ValueType result = null;
        for (ValueType type : types) {
            anyNull |= type.nullable;
            if (type.kind == Kind.NULL) {
                continue;
            }
            ValueType plain = type.notNull();
            result = result == null ? plain : combine(result, plain);
        }
        if (result == null) {
            return NULL;
        }
        return anyNull ? result.orNull() : result;
    }

    private static ValueType combine(ValueType a, ValueType b) {
        if (a.equals(b)) {
            return a;
        }
        boolean numbers =
                (a.kind == Kind.LONG || a.kind == Kind.DOUBLE) && (b.kind == Kind.LONG || b.kind == Kind.DOUBLE);
        if (numbers) {
            return DOUBLE;
        }
        if (a.kind == Kind.ARRAY && b.kind == Kind.ARRAY) {
            return arrayOf(common(List.of(a.items, b.items)));
        }
        return ANY;
    }

    /** Returns the kind of value. */
    public Kind kind() {
        return kind;
    }

    /** Returns whether a generator of this type may return {@code null}. */
    public boolean nullable() {
        return nullable;
    }

    /** Returns this type with {@code null} allowed as well. */
    public ValueType orNull() {
        return nullable ? this : new ValueType(kind, true, items, fields, fieldTypes);
    }

    /** Returns this type without {@code null}; {@link #NULL} and {@link #ANY} stay as they are. */
    public ValueType notNull() {
        if (!nullable || kind == Kind.NULL || kind == Kind.ANY) {
            return this;
        }
        return new ValueType(kind, false, items, fields, fieldTypes);
    }

    /** Returns the type of the elements of an {@link Kind#ARRAY}, or {@code null} for other kinds. */
    public ValueType items() {
        return items;
    }

    /** Returns the field names of an {@link Kind#OBJECT}, or {@code null} for other kinds. */
    public RecordSchema fields() {
        return fields;
    }

    /**
     * Returns the type of one field of an {@link Kind#OBJECT}.
     *
     * @param index the field index
     * @throws IndexOutOfBoundsException if this is not an object or the index is out of range
     */
    public ValueType field(int index) {
        return fieldTypes.get(index);
    }

    /**
     * Returns whether a value is of this type: {@code null} only when nullable, whole numbers as {@link Long} or
     * {@link Integer}, decimals as {@link Double}, lists whose elements are of {@link #items()}, and records with
     * exactly {@link #fields()} in order, each of its type.
     *
     * @param value the value, which may be {@code null}
     */
    public boolean accepts(Object value) {
        if (value == null) {
            return nullable;
        }
        return switch (kind) {
            case NULL -> false;
            case BOOLEAN -> value instanceof Boolean;
            case LONG, TIMESTAMP_MILLIS -> value instanceof Long || value instanceof Integer;
            case DOUBLE -> value instanceof Double;
            case STRING, UUID -> value instanceof String;
            case ARRAY -> value instanceof List<?> list && list.stream().allMatch(items::accepts);
            case OBJECT -> value instanceof RecordValue record && acceptsRecord(record);
            case ANY -> true;
        };
    }

    private boolean acceptsRecord(RecordValue record) {
        if (!record.schema().equals(fields)) {
            return false;
        }
        for (int i = 0; i < record.size(); i++) {
            if (!fieldTypes.get(i).accepts(record.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueType that
                && kind == that.kind
                && nullable == that.nullable
                && Objects.equals(items, that.items)
                && Objects.equals(fields, that.fields)
                && fieldTypes.equals(that.fieldTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, nullable, items, fields, fieldTypes);
    }

    /** Returns a short description such as {@code long}, {@code array<string>} or {@code double or null}. */
    @Override
    public String toString() {
        String text = switch (kind) {
            case ARRAY -> "array<" + items + ">";
            case OBJECT -> objectText();
            case TIMESTAMP_MILLIS -> "timestamp-millis";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
        return nullable && kind != Kind.NULL && kind != Kind.ANY ? text + " or null" : text;
    }

    private String objectText() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            parts.add(fields.name(i) + ": " + fieldTypes.get(i));
        }
        return "object{" + String.join(", ", parts) + "}";
    }
}
