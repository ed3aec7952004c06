package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.internal.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field's generator configuration, such as {@code { type = normal, mean = 55, stddev = 8 }}, with typed getters
 * that record problems with their HOCON path and origin (see {@link PluginSpec}).
 *
 * <p>Generators that wrap others ({@code nullable}, {@code array}, {@code object}) create them with
 * {@link #generator(String)}.
 */
public final class GeneratorSpec extends PluginSpec {
    private final String stream;
    private final String field;
    private final Factory factory;
    private final StreamCatalog catalog;
    private final Map<String, ValueType> nestedTypes = new HashMap<>();
    private ValueType declaredType = ValueType.ANY;

    /**
     * Creates a view of a field's generator block. Called by the engine and by plugin tests.
     *
     * @param stream the stream that owns the field
     * @param field the field name (for a nested generator, the name of the top-level field)
     * @param path the full HOCON path of the block
     * @param config the block
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     * @param factory creates nested generators; may be {@code null} when nesting is not supported
     */
    public GeneratorSpec(
            String stream,
            String field,
            String path,
            Config config,
            ConfigOrigin origin,
            List<ConfigProblem> problems,
            Factory factory) {
        this(stream, field, path, config, origin, problems, factory, StreamCatalog.empty());
    }

    /**
     * Creates a view of a field's generator block that can refer to other streams. Called by the engine.
     *
     * @param stream the stream that owns the field
     * @param field the field name (for a nested generator, the name of the top-level field)
     * @param path the full HOCON path of the block
     * @param config the block
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     * @param factory creates nested generators; may be {@code null} when nesting is not supported
     * @param catalog the simulation's streams and fields
     */
    public GeneratorSpec(
            String stream,
            String field,
            String path,
            Config config,
            ConfigOrigin origin,
            List<ConfigProblem> problems,
            Factory factory,
            StreamCatalog catalog) {
        super(path, config, origin, problems);
        this.stream = Objects.requireNonNull(stream, "stream");
        this.field = Objects.requireNonNull(field, "field");
        this.factory = factory;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Returns the fields of this generator's stream declared before its field, whose values a generator may read
     * with {@link GenerationContext#field(String)}: all of them for a header's generator, which runs after the
     * fields.
     */
    public List<String> fieldsBefore() {
        List<String> fields = catalog.fields(stream);
        int index = fields.indexOf(field);
        // A header's generator is not a field and runs after every field.
        return index < 0 ? List.copyOf(fields) : List.copyOf(fields.subList(0, index));
    }

    /**
     * Checks that the stream's key field is declared before this generator's field, for generators that keep state
     * per record key (random walks, state machines). Records a problem at this block otherwise, since the key would
     * still be null when this field is generated and every key would share one state. A stream without a key field,
     * and the key field itself, pass: their records share one state by design.
     *
     * @return whether the record key is available to this field
     */
    public boolean requireKeyFieldBefore() {
        if (!catalog.streams().contains(stream)) {
            return true;
        }
        String keyField = catalog.keyField(stream);
        // The key field itself may keep state: all its values share one, as for a stream without a key.
        if (keyField == null
                || keyField.equals(field)
                || !catalog.fields(stream).contains(keyField)
                || fieldsBefore().contains(keyField)) {
            return true;
        }
        problem("field '" + field + "' keeps state per record key, but the key field '" + keyField
                + "' is declared after it, so every key would share one state; declare '" + keyField + "' before '"
                + field + "'");
        return false;
    }

    /** Returns the simulation's streams and fields. */
    public StreamCatalog catalog() {
        return catalog;
    }

    /**
     * Reads the name of another stream from {@code streamKey} and of one of its fields from {@code fieldKey}
     * (default: that stream's key field), checks both exist, and returns the values that stream will send.
     * Records a problem naming the path, line and the valid names otherwise.
     *
     * @param streamKey the parameter that names the stream, such as {@code stream}
     * @param fieldKey the parameter that names the field, such as {@code field}
     * @return the collection, or {@code null} after recording a problem
     */
    public EmittedValues emittedValues(String streamKey, String fieldKey) {
        String other = getString(streamKey);
        if (other.isEmpty()) {
            return null;
        }
        if (!catalog.streams().contains(other)) {
            problem(streamKey, Suggestions.unknown("stream", other, catalog.streams()));
            return null;
        }
        String otherField = getString(fieldKey, catalog.keyField(other));
        if (otherField == null) {
            problem(
                    fieldKey,
                    "missing required key: stream '" + other + "' has no key field, so name one of its" + " fields: "
                            + String.join(", ", catalog.fields(other)));
            return null;
        }
        if (!catalog.fields(other).contains(otherField)) {
            String message = Suggestions.unknown("field", otherField, catalog.fields(other));
            problem(fieldKey, message.replaceFirst("';", "' in stream '" + other + "';"));
            return null;
        }
        return catalog.emitted(other, otherField);
    }

    /**
     * Declares the kind of values the generator returns, so that formats with a schema (Avro) can derive one.
     * Providers call it from {@link GeneratorProvider#create}; a generator that declares nothing has the type
     * {@link ValueType#ANY}.
     *
     * @param type the type of every value the generator returns, nullable if it can return {@code null}
     */
    public void declare(ValueType type) {
        this.declaredType = Objects.requireNonNull(type, "type");
    }

    /** Returns the type declared with {@link #declare(ValueType)}, or {@link ValueType#ANY}. */
    public ValueType declaredType() {
        return declaredType;
    }

    /**
     * Returns the type declared by the nested generator created under a key with {@link #generator(String)}, or
     * {@link ValueType#ANY} when none was created there.
     *
     * @param key the key of the nested block, as passed to {@link #generator(String)}
     */
    public ValueType nestedType(String key) {
        return nestedTypes.getOrDefault(key, ValueType.ANY);
    }

    /** Returns the name of the stream that owns this field. */
    public String stream() {
        return stream;
    }

    /** Returns the field name. */
    public String field() {
        return field;
    }

    /**
     * Creates the nested generator declared under a key, such as {@code of} in
     * {@code { type = nullable, fraction = 0.1, of { type = uuid } }}. Its random source is derived from this
     * field's, so nested generators stay deterministic.
     *
     * @param key the key of the nested block
     * @return the generator, or a generator of nulls after recording a problem
     */
    public FieldGenerator generator(String key) {
        if (!has(key)) {
            reject(key, "nothing", "a generator block such as { type = uniform, min = 0, max = 10 }");
            return context -> null;
        }
        if (config().getValue(key).valueType() != ConfigValueType.OBJECT) {
            reject(key, config().getValue(key).render(), "a generator block such as { type = uuid }");
            return context -> null;
        }
        if (factory == null) {
            problem("nested generators are not supported here");
            return context -> null;
        }
        Config nested = config().getConfig(key);
        GeneratorSpec nestedSpec = new GeneratorSpec(
                stream,
                field,
                path() + "." + key,
                nested,
                config().getValue(key).origin(),
                problemList(),
                factory,
                catalog);
        FieldGenerator generator = factory.create(nestedSpec);
        nestedTypes.put(key, nestedSpec.declaredType());
        return generator;
    }

    /** Creates generators from specs, through the plugin registry. Implemented by the engine. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Creates the generator a spec declares, recording a problem for an unknown type.
         *
         * @param spec the nested spec
         * @return the generator, never {@code null}
         */
        FieldGenerator create(GeneratorSpec spec);
    }
}
