package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.FaultSpec;
import dev.kafkasim.core.RecordSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One stream's key or value format configuration, such as {@code format = json} or
 * {@code format { type = csv, delimiter = ";" }}, with the schema of the values it will encode and the types its
 * fields' generators declare.
 */
public final class FormatSpec extends PluginSpec {
    private final String stream;
    private final RecordSchema schema;
    private final List<ValueType> fieldTypes;
    private final String keyField;
    private final FaultSpec faults;
    private final boolean forKey;

    /**
     * Creates a view of a format block whose fields have undeclared types ({@link ValueType#ANY}), for a stream
     * without a key field or faults. Called by plugin tests.
     *
     * @param stream the stream name
     * @param schema the field names of the stream's values
     * @param forKey whether the format encodes keys rather than values
     * @param path the full HOCON path of the block
     * @param config the block; {@code format = json} arrives as {@code { type = json }}
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     */
    public FormatSpec(
            String stream,
            RecordSchema schema,
            boolean forKey,
            String path,
            Config config,
            ConfigOrigin origin,
            List<ConfigProblem> problems) {
        this(
                stream,
                schema,
                Collections.nCopies(schema.size(), ValueType.ANY),
                null,
                FaultSpec.NONE,
                forKey,
                path,
                config,
                origin,
                problems);
    }

    /**
     * Creates a view of a format block. Called by the engine and by plugin tests.
     *
     * @param stream the stream name
     * @param schema the field names of the stream's values
     * @param fieldTypes the type each field's generator declares, in schema order
     * @param keyField the name of the field used as key, or {@code null} for records without a key
     * @param faults the faults injected into the stream
     * @param forKey whether the format encodes keys rather than values
     * @param path the full HOCON path of the block
     * @param config the block; {@code format = json} arrives as {@code { type = json }}
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     * @throws IllegalArgumentException if the number of types differs from the number of fields, or the key field
     *     is not one of them
     */
    public FormatSpec(
            String stream,
            RecordSchema schema,
            List<ValueType> fieldTypes,
            String keyField,
            FaultSpec faults,
            boolean forKey,
            String path,
            Config config,
            ConfigOrigin origin,
            List<ConfigProblem> problems) {
        super(path, config, origin, problems);
        this.stream = Objects.requireNonNull(stream, "stream");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.fieldTypes = List.copyOf(fieldTypes);
        this.keyField = keyField;
        this.faults = Objects.requireNonNull(faults, "faults");
        this.forKey = forKey;
        if (this.fieldTypes.size() != schema.size()) {
            throw new IllegalArgumentException(
                    "expected " + schema.size() + " field types for " + schema + " but got " + fieldTypes.size());
        }
        if (keyField != null && schema.indexOf(keyField) < 0) {
            throw new IllegalArgumentException("key field '" + keyField + "' is not in " + schema);
        }
    }

    /** Returns the stream name. */
    public String stream() {
        return stream;
    }

    /** Returns the field names of the stream's values. */
    public RecordSchema schema() {
        return schema;
    }

    /** Returns whether the format encodes keys rather than values. */
    public boolean forKey() {
        return forKey;
    }

    /** Returns the type each field's generator declares, in schema order. */
    public List<ValueType> fieldTypes() {
        return fieldTypes;
    }

    /** Returns the name of the field used as key, or {@code null} for records without a key. */
    public String keyField() {
        return keyField;
    }

    /** Returns the faults injected into the stream. */
    public FaultSpec faults() {
        return faults;
    }

    /**
     * Returns the type of what the encoder receives, apart from raw payloads. For a key format it is the key
     * field's type, nullable when null-key faults are injected ({@link ValueType#NULL} for a stream without a key
     * field). For a value format it is an {@link ValueType.Kind#OBJECT} of the stream's fields, each nullable when
     * null-field faults are injected, since one of them may be replaced by {@code null}.
     */
    public ValueType valueType() {
        if (forKey) {
            if (keyField == null) {
                return ValueType.NULL;
            }
            ValueType type = fieldTypes.get(schema.indexOf(keyField));
            return faults.nullKey() > 0 ? type.orNull() : type;
        }
        List<ValueType> types = new ArrayList<>(fieldTypes);
        if (faults.nullField() > 0) {
            types.replaceAll(ValueType::orNull);
        }
        return ValueType.objectOf(schema, types);
    }
}
