package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.ConfigProblem;
import java.util.List;
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
        super(path, config, origin, problems);
        this.stream = Objects.requireNonNull(stream, "stream");
        this.field = Objects.requireNonNull(field, "field");
        this.factory = factory;
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
        return factory.create(new GeneratorSpec(
                stream,
                field,
                path() + "." + key,
                nested,
                config().getValue(key).origin(),
                problemList(),
                factory));
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
