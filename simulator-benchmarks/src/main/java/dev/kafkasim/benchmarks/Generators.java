package dev.kafkasim.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.spi.EmittedValues;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.StreamCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates field generators from HOCON blocks through the built-in providers, outside the engine, so that a
 * benchmark measures a generator alone. Each generator belongs to a field of a stream whose earlier fields are
 * given, so that keyed generators and templates find the fields they read.
 */
final class Generators {
    private final Map<String, GeneratorProvider> providers = new HashMap<>();
    private final String stream;
    private final List<String> fields;
    private final String keyField;

    /**
     * Creates a factory for the fields of one stream.
     *
     * @param stream the stream name
     * @param fields the stream's field names in declared order
     * @param keyField the key field, or {@code null}
     */
    Generators(String stream, List<String> fields, String keyField) {
        this.stream = stream;
        this.fields = List.copyOf(fields);
        this.keyField = keyField;
        for (GeneratorProvider provider : ServiceLoader.load(GeneratorProvider.class)) {
            providers.put(provider.type(), provider);
        }
    }

    /**
     * Creates the generator of a field from its block, such as {@code { type = uniform, min = 1, max = 10 }}.
     *
     * @throws ConfigurationException if the block is invalid
     */
    FieldGenerator create(String field, String block) {
        Config config = ConfigFactory.parseString("f " + block).getConfig("f");
        return create(field, config);
    }

    /**
     * Creates the generator of a field from its parsed block.
     *
     * @throws ConfigurationException if the block is invalid
     */
    FieldGenerator create(String field, Config config) {
        List<ConfigProblem> problems = new ArrayList<>();
        GeneratorSpec spec = new GeneratorSpec(
                stream, field, "fields." + field, config, config.origin(), problems, this::create, new Catalog());
        FieldGenerator generator = create(spec);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return generator;
    }

    private FieldGenerator create(GeneratorSpec spec) {
        GeneratorProvider provider = providers.get(spec.type());
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown generator type '" + spec.type() + "'; known types: " + providers.keySet());
        }
        return provider.create(spec);
    }

    private final class Catalog implements StreamCatalog {
        @Override
        public List<String> streams() {
            return List.of(stream);
        }

        @Override
        public List<String> fields(String name) {
            return name.equals(stream) ? fields : List.of();
        }

        @Override
        public String keyField(String name) {
            return name.equals(stream) ? keyField : null;
        }

        @Override
        public EmittedValues emitted(String name, String field) {
            throw new UnsupportedOperationException("references to other streams are not benchmarked here");
        }
    }
}
