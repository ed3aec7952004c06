package dev.kafkasim.formats.internal;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Encodes keys and values as Avro binary with one schema, walking the {@link RecordValue} and the schema side by
 * side. It writes through one unbuffered {@link BinaryEncoder} into a reused buffer, so encoding a record allocates
 * its result array and the UTF-8 bytes of its strings, and builds no map or generic record.
 *
 * <p>A union takes the first branch whose Avro type matches the value's Java type exactly, such as {@code long}
 * for a {@link Long}, and otherwise the first branch that can hold it, such as {@code double} for a {@link Long}. A
 * {@code byte[]} key or value is a raw payload and is returned as it is.
 *
 * <p>A value that fits no schema type is an error, unless the encoder was created for a stream that injects
 * {@code wrong-type} poison records: then the value is written in the Avro form of its own Java type, such as a
 * string where the schema has a double, which gives bytes that readers of the schema cannot decode as intended.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class AvroEncoder implements RecordEncoder {
    private final String stream;
    private final Schema schema;
    private final boolean writeMistyped;
    private final ReusableOutputStream buffer = new ReusableOutputStream();
    private final BinaryEncoder encoder;
    private final Map<Schema, FieldOrder> fieldOrders = new IdentityHashMap<>();

    /**
     * Creates an encoder.
     *
     * @param stream the stream name, for error messages
     * @param schema the schema every key or value is written with
     * @param writeMistyped whether a value that fits no schema type is written in the form of its own type rather
     *     than rejected
     */
    public AvroEncoder(String stream, Schema schema, boolean writeMistyped) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.writeMistyped = writeMistyped;
        this.encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
    }

    /**
     * Encodes a value as Avro binary, without a header or schema id.
     *
     * @throws KafkasimException if the value does not fit the schema, naming the field
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
            write(schema, value, "");
            encoder.flush();
        } catch (IOException e) {
            throw new KafkasimException("failed to encode a value of stream '" + stream + "' as Avro", e);
        }
        return buffer.toByteArray();
    }

    /** Returns the schema in Avro's JSON notation. */
    @Override
    public String schema() {
        return SchemaFormatter.format("json/pretty", schema);
    }

    /** Returns the schema every key or value is written with. */
    public Schema avroSchema() {
        return schema;
    }

    private void write(Schema type, Object value, String field) throws IOException {
        switch (type.getType()) {
            case UNION -> writeUnion(type, value, field);
            case RECORD -> {
                if (value instanceof RecordValue record) {
                    writeRecord(type, record, field);
                } else {
                    mismatch(type, value, field);
                }
            }
            case ARRAY -> {
                if (value instanceof List<?> list) {
                    writeArray(type.getElementType(), list, field);
                } else {
                    mismatch(type, value, field);
                }
            }
            default -> {
                if (!writeScalar(type, value)) {
                    mismatch(type, value, field);
                }
            }
        }
    }

    private boolean writeScalar(Schema type, Object value) throws IOException {
        switch (type.getType()) {
            case NULL -> {
                if (value != null) {
                    return false;
                }
                encoder.writeNull();
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean bool)) {
                    return false;
                }
                encoder.writeBoolean(bool);
            }
            case INT -> {
                if (!(value instanceof Integer || (value instanceof Long number && number == number.intValue()))) {
                    return false;
                }
                encoder.writeInt(((Number) value).intValue());
            }
            case LONG -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    return false;
                }
                encoder.writeLong(((Number) value).longValue());
            }
            case FLOAT -> {
                if (!isNumber(value)) {
                    return false;
                }
                encoder.writeFloat(((Number) value).floatValue());
            }
            case DOUBLE -> {
                if (!isNumber(value)) {
                    return false;
                }
                encoder.writeDouble(((Number) value).doubleValue());
            }
            case STRING -> {
                if (!(value instanceof CharSequence text)) {
                    return false;
                }
                encoder.writeString(text.toString());
            }
            case ENUM -> {
                int symbol = value instanceof String text && type.hasEnumSymbol(text) ? type.getEnumOrdinal(text) : -1;
                if (symbol < 0) {
                    return false;
                }
                encoder.writeEnum(symbol);
            }
            case BYTES -> {
                if (!(value instanceof byte[] bytes)) {
                    return false;
                }
                encoder.writeBytes(bytes);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void writeUnion(Schema union, Object value, String field) throws IOException {
        List<Schema> branches = union.getTypes();
        int chosen = -1;
        for (int i = 0; i < branches.size() && chosen < 0; i++) {
            if (matchesExactly(branches.get(i), value)) {
                chosen = i;
            }
        }
        for (int i = 0; i < branches.size() && chosen < 0; i++) {
            if (canHold(branches.get(i), value)) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            mismatch(union, value, field);
            return;
        }
        encoder.writeIndex(chosen);
        write(branches.get(chosen), value, field);
    }

    private void writeRecord(Schema type, RecordValue record, String field) throws IOException {
        FieldOrder order = fieldOrders.get(type);
        if (order == null || !order.names().equals(record.schema())) {
            order = FieldOrder.of(type, record.schema());
            fieldOrders.put(type, order);
        }
        if (order.missing() != null) {
            throw new KafkasimException("cannot encode a value of stream '" + stream + "' as Avro: schema record "
                    + type.getFullName() + " has field '" + (field.isEmpty() ? "" : field + ".") + order.missing()
                    + "', which the value lacks; its fields are "
                    + record.schema().names());
        }
        String prefix = field.isEmpty() ? "" : field + ".";
        List<Schema.Field> fields = type.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field schemaField = fields.get(i);
            write(schemaField.schema(), record.get(order.indexes()[i]), prefix + schemaField.name());
        }
    }

    private void writeArray(Schema items, List<?> list, String field) throws IOException {
        encoder.writeArrayStart();
        encoder.setItemCount(list.size());
        for (Object element : list) {
            encoder.startItem();
            write(items, element, field);
        }
        encoder.writeArrayEnd();
    }

    private void mismatch(Schema type, Object value, String field) throws IOException {
        if (writeMistyped) {
            writeOwnType(value);
            return;
        }
        String where = field.isEmpty() ? "the value" : "field '" + field + "'";
        String actual = value == null ? "null" : value.getClass().getName() + " " + abbreviate(value);
        throw new KafkasimException("cannot encode " + where + " of stream '" + stream + "' as Avro: " + actual
                + " does not fit schema type " + type);
    }

    /** Writes a value in the Avro form of its own Java type, for poison records of the wrong type. */
    private void writeOwnType(Object value) throws IOException {
        if (value instanceof Long || value instanceof Integer) {
            encoder.writeLong(((Number) value).longValue());
        } else if (value instanceof Number number) {
            encoder.writeDouble(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            encoder.writeBoolean(bool);
        } else if (value instanceof byte[] bytes) {
            encoder.writeBytes(bytes);
        } else if (value != null) {
            encoder.writeString(value.toString());
        }
    }

    private static boolean matchesExactly(Schema branch, Object value) {
        return switch (branch.getType()) {
            case NULL -> value == null;
            case BOOLEAN -> value instanceof Boolean;
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case FLOAT -> value instanceof Float;
            case DOUBLE -> value instanceof Double;
            case STRING -> value instanceof CharSequence;
            case ENUM -> value instanceof String text && branch.hasEnumSymbol(text);
            case BYTES -> value instanceof byte[];
            case ARRAY -> value instanceof List<?>;
            case RECORD -> value instanceof RecordValue;
            default -> false;
        };
    }

    private static boolean canHold(Schema branch, Object value) {
        return switch (branch.getType()) {
            case INT -> value instanceof Long number && number == number.intValue();
            case LONG -> value instanceof Integer;
            case FLOAT, DOUBLE -> isNumber(value);
            default -> false;
        };
    }

    private static boolean isNumber(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 60) + "...'";
    }

    /**
     * Where each field of a schema record sits in a {@link RecordValue} of one field order.
     *
     * @param names the field order of the values
     * @param indexes for each schema field, the index of its value
     * @param missing the name of the first schema field the values lack, or {@code null}
     */
    private record FieldOrder(RecordSchema names, int[] indexes, String missing) {
        static FieldOrder of(Schema record, RecordSchema names) {
            List<Schema.Field> fields = record.getFields();
            int[] indexes = new int[fields.size()];
            String missing = null;
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = names.indexOf(fields.get(i).name());
                if (indexes[i] < 0 && missing == null) {
                    missing = fields.get(i).name();
                }
            }
            return new FieldOrder(names, indexes, missing);
        }
    }
}
