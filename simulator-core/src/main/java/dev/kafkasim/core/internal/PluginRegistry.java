package dev.kafkasim.core.internal;

import dev.kafkasim.core.DuplicatePluginException;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.PluginSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator, sink and format providers found with {@link ServiceLoader} on one class loader, by type name.
 *
 * <p>Two providers of one kind with the same type name fail with {@link DuplicatePluginException}. Creating a
 * plugin of an unknown type records a problem listing the known types and the closest match.
 */
public final class PluginRegistry {
    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<String, GeneratorProvider> generators;
    private final Map<String, SinkProvider> sinks;
    private final Map<String, FormatProvider> formats;

    private PluginRegistry(
            Map<String, GeneratorProvider> generators,
            Map<String, SinkProvider> sinks,
            Map<String, FormatProvider> formats) {
        this.generators = generators;
        this.sinks = sinks;
        this.formats = formats;
    }

    /**
     * Loads every provider visible to a class loader.
     *
     * @param classLoader the loader to search, or {@code null} for the thread's context class loader
     * @throws DuplicatePluginException if two providers of one kind share a type name
     */
    public static PluginRegistry load(ClassLoader classLoader) {
        ClassLoader loader =
                classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PluginRegistry.class.getClassLoader();
        }
        return new PluginRegistry(
                index("generator", ServiceLoader.load(GeneratorProvider.class, loader), GeneratorProvider::type),
                index("sink", ServiceLoader.load(SinkProvider.class, loader), SinkProvider::type),
                index("format", ServiceLoader.load(FormatProvider.class, loader), FormatProvider::type));
    }

    /** Returns the generator providers by type name, sorted by name. */
    public Map<String, GeneratorProvider> generators() {
        return generators;
    }

    /** Returns the sink providers by type name, sorted by name. */
    public Map<String, SinkProvider> sinks() {
        return sinks;
    }

    /** Returns the format providers by type name, sorted by name. */
    public Map<String, FormatProvider> formats() {
        return formats;
    }

    /**
     * Creates the generator a spec declares, or a generator of nulls after recording a problem.
     *
     * @param spec the field's generator block
     */
    public FieldGenerator createGenerator(GeneratorSpec spec) {
        GeneratorProvider provider = lookup("generator", generators, spec);
        if (provider == null) {
            return context -> null;
        }
        FieldGenerator generator = create(spec, () -> provider.create(spec));
        return generator != null ? generator : context -> null;
    }

    /**
     * Creates the encoder a format spec declares, or {@code null} after recording a problem.
     *
     * @param spec the format block
     */
    public RecordEncoder createFormat(FormatSpec spec) {
        FormatProvider provider = lookup("format", formats, spec);
        return provider == null ? null : create(spec, () -> provider.create(spec));
    }

    /**
     * Creates the sink a spec declares, or {@code null} after recording a problem.
     *
     * @param spec the sink block
     */
    public Sink createSink(SinkSpec spec) {
        SinkProvider provider = lookup("sink", sinks, spec);
        return provider == null ? null : create(spec, () -> provider.create(spec));
    }

    /**
     * Validates a sink block by creating the sink and closing it unopened. Records problems on the spec.
     *
     * @param spec the sink block
     */
    public void validateSink(SinkSpec spec) {
        Sink sink = createSink(spec);
        if (sink != null) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                log.debug("Closing the unopened sink '{}' failed", spec.name(), e);
            }
        }
    }

    private static <T> T create(PluginSpec spec, Supplier<T> factory) {
        int before = problemCount(spec);
        T plugin;
        try {
            plugin = factory.get();
        } catch (RuntimeException e) {
            // A provider may throw on values it was given after a problem was recorded; only the problem matters.
            if (problemCount(spec) == before) {
                spec.problem("invalid " + spec.type() + " configuration: " + e.getMessage());
            }
            return null;
        }
        spec.rejectUnknownKeys();
        return problemCount(spec) == before ? plugin : null;
    }

    private static int problemCount(PluginSpec spec) {
        return spec.problemCount();
    }

    private static <P> P lookup(String kind, Map<String, P> providers, PluginSpec spec) {
        String type = spec.type();
        if (type == null || type.isBlank()) {
            spec.problem("missing required key 'type'; expected one of the " + kind + " types: " + known(providers));
            return null;
        }
        P provider = providers.get(type);
        if (provider == null) {
            spec.problem("type", Suggestions.unknown(kind + " type", type, providers.keySet()));
        }
        return provider;
    }

    private static String known(Map<String, ?> providers) {
        return providers.isEmpty() ? "none found on the class path" : String.join(", ", providers.keySet());
    }

    private static <P> Map<String, P> index(String kind, ServiceLoader<P> loader, Function<P, String> typeOf) {
        Map<String, P> byType = new TreeMap<>();
        for (P provider : loader) {
            String type = typeOf.apply(provider);
            P previous = byType.putIfAbsent(type, provider);
            if (previous != null) {
                throw new DuplicatePluginException(
                        kind,
                        type,
                        previous.getClass().getName(),
                        provider.getClass().getName());
            }
            log.debug(
                    "Found {} provider '{}': {} in {}",
                    kind,
                    type,
                    provider.getClass().getName(),
                    location(provider));
        }
        return Collections.unmodifiableMap(byType);
    }

    private static String location(Object provider) {
        var source = provider.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? "unknown location"
                : source.getLocation().toString();
    }
}
