package dev.kafkasim.formats.internal;

import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.spi.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Derives Avro schemas from the types that generators declare, and checks a given schema against them.
 *
 * <p>The mapping: boolean to {@code boolean}, whole numbers to {@code long}, decimals to {@code double}, text to
 * {@code string}, UUIDs to {@code string} with logical type {@code uuid}, epoch milliseconds to {@code long} with
 * logical type {@code timestamp-millis}, lists to {@code array}, nested objects to {@code record}. A type that may be
 * {@code null} becomes the union {@code ["null", T]}, with default {@code null} on a record field. A value of
 * undeclared type becomes the union {@code ["null", "boolean", "long", "double", "string"]}.
 */
public final class AvroSchemas {
    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AvroSchemas() {}

    /**
     * Returns whether a name is valid for an Avro record or field: letters, digits and underscores, not starting
     * with a digit.
     */
    public static boolean isValidName(String name) {
        return AVRO_NAME.matcher(name).matches();
    }

    /** Returns a name with each character that Avro does not allow in names replaced by an underscore. */
    public static String sanitize(String name) {
        String replaced = name.replaceAll("[^A-Za-z0-9_]", "_");
        return replaced.isEmpty() || Character.isDigit(replaced.charAt(0)) ? "_" + replaced : replaced;
    }

    /**
     * Returns the names of an object's fields, nested ones included as {@code parent.child}, that are not valid
     * Avro names.
     */
    public static List<String> invalidFieldNames(ValueType type) {
        List<String> invalid = new ArrayList<>();
        collectInvalid(type, "", invalid);
        return invalid;
    }

    private static void collectInvalid(ValueType type, String prefix, List<String> invalid) {
        if (type.kind() == ValueType.Kind.ARRAY) {
            collectInvalid(type.items(), prefix, invalid);
        }
        if (type.kind() != ValueType.Kind.OBJECT) {
            return;
        }
        for (int i = 0; i < type.fields().size(); i++) {
            String name = type.fields().name(i);
            if (!isValidName(name)) {
                invalid.add(prefix + name);
            }
            collectInvalid(type.field(i), prefix + name + ".", invalid);
        }
    }

    /**
     * Derives the schema of a type. Objects become records named {@code recordName}, and nested objects records
     * named after their parent and field, such as {@code sensors_location}.
     *
     * @param type the type; its object field names must be valid Avro names (see {@link #invalidFieldNames})
     * @param recordName the name of the top-level record, a valid Avro name
     * @param namespace the namespace of every record, or {@code null} for none
     */
    public static Schema derive(ValueType type, String recordName, String namespace) {
        Schema plain = derivePlain(type, recordName, namespace);
        return type.nullable() && type.kind() != ValueType.Kind.ANY && type.kind() != ValueType.Kind.NULL
                ? Schema.createUnion(Schema.create(Schema.Type.NULL), plain)
                : plain;
    }

    private static Schema derivePlain(ValueType type, String name, String namespace) {
        return switch (type.kind()) {
            case NULL -> Schema.create(Schema.Type.NULL);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case LONG -> Schema.create(Schema.Type.LONG);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case STRING -> Schema.create(Schema.Type.STRING);
            case UUID -> LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
            case TIMESTAMP_MILLIS -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            case ARRAY -> Schema.createArray(derive(type.items(), name + "_item", namespace));
            case OBJECT -> deriveRecord(type, name, namespace);
            case ANY -> anyUnion();
        };
    }

    private static Schema deriveRecord(ValueType type, String name, String namespace) {
        RecordSchema names = type.fields();
        List<Schema.Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            ValueType fieldType = type.field(i);
            Schema fieldSchema = derive(fieldType, name + "_" + names.name(i), namespace);
            Object defaultValue = fieldSchema.isNullable() ? JsonProperties.NULL_VALUE : null;
            fields.add(new Schema.Field(names.name(i), fieldSchema, null, defaultValue));
        }
        return Schema.createRecord(name, null, namespace, false, fields);
    }

    private static Schema anyUnion() {
        return Schema.createUnion(
                Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.BOOLEAN),
                Schema.create(Schema.Type.LONG),
                Schema.create(Schema.Type.DOUBLE),
                Schema.create(Schema.Type.STRING));
    }

    /**
     * Checks that a schema can hold every value of a type, and returns one message per mismatch, each naming the
     * field and the schema that would fit.
     *
     * @param type the declared type
     * @param schema the given schema
     * @param where what the type belongs to, such as {@code the value} or {@code field 'humidity'}
     * @param recordName the record name used to show a fitting schema
     */
    public static List<String> check(ValueType type, Schema schema, String where, String recordName) {
        List<String> problems = new ArrayList<>();
        check(type, schema, where, recordName, "", problems);
        return problems;
    }

    private static void check(
            ValueType type, Schema schema, String where, String name, String fieldPath, List<String> problems) {
        if (type.kind() == ValueType.Kind.ANY) {
            return;
        }
        if (schema.getType() == Schema.Type.UNION) {
            checkUnion(type, schema, where, name, fieldPath, problems);
            return;
        }
        if (type.kind() == ValueType.Kind.NULL && schema.getType() == Schema.Type.NULL) {
            return;
        }
        if (type.nullable()) {
            problems.add(where + " can be null, but schema type " + schema + " does not allow null; expected "
                    + derive(type, name, null));
            return;
        }
        if (!kindFits(type, schema)) {
            problems.add(where + " has " + type + " values, which do not fit schema type " + schema + "; expected "
                    + derive(type, name, null));
            return;
        }
        if (type.kind() == ValueType.Kind.ARRAY) {
            check(type.items(), schema.getElementType(), where + " items", name + "_item", fieldPath, problems);
        } else if (type.kind() == ValueType.Kind.OBJECT) {
            checkRecord(type, schema, name, fieldPath, problems);
        }
    }

    private static void checkUnion(
            ValueType type, Schema union, String where, String name, String fieldPath, List<String> problems) {
        boolean hasNull = union.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL);
        if (type.nullable() && !hasNull) {
            problems.add(where + " can be null, but schema union " + union + " has no \"null\" branch; expected "
                    + derive(type, name, null));
            return;
        }
        if (type.kind() == ValueType.Kind.NULL) {
            return;
        }
        ValueType plain = type.notNull();
        for (Schema branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.NULL && kindFits(plain, branch)) {
                check(plain, branch, where, name, fieldPath, problems);
                return;
            }
        }
        problems.add(where + " has " + type + " values, which fit no branch of schema union " + union + "; expected "
                + derive(type, name, null));
    }

    private static void checkRecord(
            ValueType type, Schema record, String name, String fieldPath, List<String> problems) {
        RecordSchema names = type.fields();
        Set<String> schemaOnly = new TreeSet<>();
        record.getFields().forEach(field -> schemaOnly.add(field.name()));
        for (int i = 0; i < names.size(); i++) {
            String field = names.name(i);
            schemaOnly.remove(field);
            String path = fieldPath + field;
            Schema.Field schemaField = record.getField(field);
            if (schemaField == null) {
                problems.add("field '" + path + "' is missing from schema record " + record.getFullName()
                        + "; add it as " + derive(type.field(i), name + "_" + field, null));
                continue;
            }
            check(
                    type.field(i),
                    schemaField.schema(),
                    "field '" + path + "'",
                    name + "_" + field,
                    path + ".",
                    problems);
        }
        for (String extra : schemaOnly) {
            problems.add("schema record " + record.getFullName() + " has field '" + fieldPath + extra
                    + "', which the stream does not generate; valid fields: " + String.join(", ", names.names()));
        }
    }

    /** Returns whether a schema of this type, not a union, can hold the values of a type without null. */
    private static boolean kindFits(ValueType type, Schema schema) {
        Schema.Type avro = schema.getType();
        return switch (type.kind()) {
            case NULL -> avro == Schema.Type.NULL;
            case BOOLEAN -> avro == Schema.Type.BOOLEAN;
            case LONG -> avro == Schema.Type.LONG || avro == Schema.Type.FLOAT || avro == Schema.Type.DOUBLE;
            case TIMESTAMP_MILLIS -> avro == Schema.Type.LONG;
            case DOUBLE -> avro == Schema.Type.DOUBLE || avro == Schema.Type.FLOAT;
            case STRING -> avro == Schema.Type.STRING || avro == Schema.Type.ENUM;
            case UUID -> avro == Schema.Type.STRING;
            case ARRAY -> avro == Schema.Type.ARRAY;
            case OBJECT -> avro == Schema.Type.RECORD;
            case ANY -> true;
        };
    }
}
