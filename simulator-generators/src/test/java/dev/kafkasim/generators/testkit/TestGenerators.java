package dev.kafkasim.generators.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates generators from HOCON text the way the engine does, collecting configuration problems in a list.
 *
 * <p>The block is parsed as if from a file named {@value #ORIGIN}, and belongs to field {@value #FIELD} of stream
 * {@value #STREAM} at path {@value #PATH}. Nested generators are created through the providers that
 * {@link ServiceLoader} finds on the class path.
 */
public final class TestGenerators {
    /** The origin description given to parsed blocks. */
    public static final String ORIGIN = "test.conf";

    /** The stream the tested field belongs to. */
    public static final String STREAM = "test";

    /** The tested field's name. */
    public static final String FIELD = "value";

    /** The HOCON path of the tested field's block. */
    public static final String PATH = "simulation.streams.test.fields.value";

    private static Path directory;

    private TestGenerators() {}

    /**
     * A created generator together with its spec and the problems recorded while creating it.
     *
     * @param generator the generator, which a test should not use when {@code problems} is not empty
     * @param spec the spec the generator was created from
     * @param problems every problem recorded, including unknown keys
     */
    public record Created(FieldGenerator generator, GeneratorSpec spec, List<ConfigProblem> problems) {
        /** Returns the problems rendered as {@code origin: path: message} lines. */
        public List<String> rendered() {
            return problems.stream().map(ConfigProblem::render).toList();
        }

        /** Returns {@code count} values, advancing the context between them. */
        public List<Object> values(TestGenerationContext context, int count) {
            List<Object> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(generator.next(context));
                context.advance();
            }
            return values;
        }

        /** Returns the next value for a context. */
        public Object next(GenerationContext context) {
            return generator.next(context);
        }
    }

    /**
     * Parses a HOCON block from a file named {@value #ORIGIN} in a temporary directory, so that problems carry a
     * {@code file:line} origin as they do for scenario files.
     */
    public static synchronized Config parse(String hocon) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("kafkasim-generators");
                directory.toFile().deleteOnExit();
            }
            Path file = directory.resolve(ORIGIN);
            Files.writeString(file, hocon);
            file.toFile().deleteOnExit();
            return ConfigFactory.parseFile(
                    file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a generator with a given provider, then reports unknown keys as the engine does.
     *
     * @param provider the provider under test
     * @param hocon the field's block without braces, such as {@code type = normal, mean = 5, stddev = 1}
     */
    public static Created create(GeneratorProvider provider, String hocon) {
        Config config = parse(hocon);
        List<ConfigProblem> problems = new ArrayList<>();
        GeneratorSpec spec =
                new GeneratorSpec(STREAM, FIELD, PATH, config, config.origin(), problems, registryFactory());
        FieldGenerator generator = provider.create(spec);
        spec.rejectUnknownKeys();
        return new Created(generator, spec, problems);
    }

    /** Creates a generator with the provider that {@link ServiceLoader} finds for the block's {@code type}. */
    public static Created create(String hocon) {
        Config config = parse(hocon);
        GeneratorProvider provider = providers().get(config.getString("type"));
        if (provider == null) {
            throw new IllegalArgumentException("no provider of type " + config.getString("type"));
        }
        return create(provider, hocon);
    }

    /** Returns every provider {@link ServiceLoader} finds, by type name. */
    public static Map<String, GeneratorProvider> providers() {
        Map<String, GeneratorProvider> providers = new HashMap<>();
        for (GeneratorProvider provider : ServiceLoader.load(GeneratorProvider.class)) {
            providers.put(provider.type(), provider);
        }
        return providers;
    }

    private static GeneratorSpec.Factory registryFactory() {
        Map<String, GeneratorProvider> providers = providers();
        return new GeneratorSpec.Factory() {
            @Override
            public FieldGenerator create(GeneratorSpec spec) {
                GeneratorProvider provider = providers.get(spec.type());
                if (provider == null) {
                    spec.reject("type", spec.type(), "one of " + providers.keySet());
                    return context -> null;
                }
                FieldGenerator generator = provider.create(spec);
                spec.rejectUnknownKeys();
                return generator;
            }
        };
    }
}
