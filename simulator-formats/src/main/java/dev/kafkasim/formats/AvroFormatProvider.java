package dev.kafkasim.formats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.formats.internal.AvroEncoder;
import dev.kafkasim.formats.internal.AvroSchemas;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The {@code avro} format: Apache Avro binary encoding of each key or value, without a container-file header or a
 * schema registry id.
 *
 * <p>By default the schema is derived from the types that the stream's generators declare: a value becomes a
 * record named after the stream with one field per stream field, in declared order. A field becomes nullable when
 * its generator can return {@code null} (a {@code nullable} wrapper, a {@code constant} null) or the stream injects
 * {@code null-field} faults; a key becomes nullable when the stream injects {@code null-key} faults. Options, both
 * optional, with defaults in this module's {@code reference.conf}:
 *
 * <ul>
 *   <li>{@code schema}: path of an {@code .avsc} file to write with instead. It is checked at load: every stream
 *       field must be in the schema with a type that fits the generator's values, null included when the field
 *       can be null, and the schema may have no other fields. A relative path is resolved against the directory
 *       of the scenario file.
 *   <li>{@code namespace}: the namespace of derived records, default {@code dev.kafkasim.generated}.
 * </ul>
 *
 * <p>Poison records stay poison: {@code truncated} and {@code invalid-json} break the Avro bytes, {@code
 * random-bytes} and {@code oversize} replace them, and {@code wrong-type} writes one field in the Avro form of a
 * value of another type. Each is sent with its {@code kafkasim.fault} header.
 *
 * <p>Example: {@code format { type = avro, schema = "schemas/sensor.avsc" }}.
 */
public final class AvroFormatProvider implements FormatProvider {
    /** The type name used in configuration. */
    public static final String TYPE = "avro";

    private static final Config DEFAULTS = ConfigFactory.parseResources(
                    AvroFormatProvider.class.getClassLoader(), "reference.conf")
            .resolve()
            .getConfig("kafkasim.formats.avro");
    private static final Pattern NAMESPACE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)?");

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public AvroFormatProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Creates an Avro encoder with the derived or given schema, recording a problem on the spec for an invalid
     * namespace, a field name that Avro does not allow, or a schema file that cannot be read or does not fit.
     */
    @Override
    public RecordEncoder create(FormatSpec spec) {
        String schemaPath = spec.getString("schema", defaultString("schema"));
        String namespace = spec.getString("namespace", defaultString("namespace"));
        if (!NAMESPACE.matcher(namespace).matches()) {
            spec.reject("namespace", "'" + namespace + "'", "a dotted name such as com.example.events, or \"\"");
        }

        ValueType type = spec.valueType();
        String recordName = AvroSchemas.sanitize(spec.stream()) + (spec.forKey() ? "_key" : "");
        Schema schema = schemaPath == null
                ? derived(spec, type, recordName, namespace.isEmpty() ? null : namespace)
                : loaded(spec, schemaPath, type, recordName);
        boolean wrongTypePoison = !spec.forKey()
                && spec.faults().poison() > 0
                && spec.faults().poisonKinds().contains("wrong-type");
        return new AvroEncoder(
                spec.stream(), schema == null ? Schema.create(Schema.Type.NULL) : schema, wrongTypePoison);
    }

    private static Schema derived(FormatSpec spec, ValueType type, String recordName, String namespace) {
        List<String> invalid = AvroSchemas.invalidFieldNames(type);
        for (String name : invalid) {
            spec.problem("field '" + name + "' of stream '" + spec.stream() + "' is not a valid Avro name; Avro"
                    + " names use letters, digits and _ and do not start with a digit, such as '"
                    + AvroSchemas.sanitize(name.substring(name.lastIndexOf('.') + 1)) + "'");
        }
        if (!invalid.isEmpty()) {
            return null;
        }
        try {
            return AvroSchemas.derive(type, recordName, namespace);
        } catch (AvroRuntimeException e) {
            spec.problem("cannot derive an Avro schema for stream '" + spec.stream() + "': " + e.getMessage());
            return null;
        }
    }

    private static Schema loaded(FormatSpec spec, String text, ValueType type, String recordName) {
        Path file = resolve(spec, text);
        if (file == null) {
            return null;
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            spec.reject("schema", "'" + text + "'", "a readable Avro schema file (" + file + ": " + e + ")");
            return null;
        } catch (AvroRuntimeException e) {
            spec.problem("schema", "invalid Avro schema in " + file + ": " + e.getMessage());
            return null;
        }
        String where = spec.forKey() ? "key field '" + spec.keyField() + "'" : "the value";
        for (String problem : AvroSchemas.check(type, schema, where, recordName)) {
            spec.problem(
                    "schema",
                    "Avro schema " + file.getFileName() + " does not fit stream '" + spec.stream() + "': " + problem);
        }
        return schema;
    }

    private static Path resolve(FormatSpec spec, String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            spec.reject("schema", "'" + text + "'", "a file path such as schemas/sensor.avsc");
            return null;
        }
        if (path.isAbsolute()) {
            return path;
        }
        ConfigOrigin origin = spec.config().getValue("schema").origin();
        if (origin != null && origin.filename() != null) {
            Path directory = Path.of(origin.filename()).toAbsolutePath().getParent();
            if (directory != null) {
                return directory.resolve(path);
            }
        }
        return path.toAbsolutePath();
    }

    private static String defaultString(String key) {
        return DEFAULTS.getIsNull(key) ? null : DEFAULTS.getString(key);
    }
}
