package dev.kafkasim.core.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.HeaderSpec;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.core.spi.StreamCatalog;
import dev.kafkasim.core.spi.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugins one stream needs: a generator per field and the key and value encoders.
 *
 * @param schema the field names in declared order
 * @param fieldTypes the type each field's generator declared, in schema order
 * @param generators one generator per field, in schema order
 * @param keyEncoder the key encoder, or {@code null} after a problem
 * @param valueEncoder the value encoder, or {@code null} after a problem
 * @param headers the stream's user-defined headers, in declared order
 * @param headerGenerators for each header, its generator, or {@code null} for a static header
 */
public record StreamPlugins(
        RecordSchema schema,
        List<ValueType> fieldTypes,
        FieldGenerator[] generators,
        RecordEncoder keyEncoder,
        RecordEncoder valueEncoder,
        List<HeaderSpec> headers,
        FieldGenerator[] headerGenerators) {

    /**
     * Creates a stream's plugins, recording every problem found.
     *
     * @param stream the stream
     * @param registry the plugin providers
     * @param problems where problems are added
     * @param catalog the simulation's streams, for references between them
     */
    public static StreamPlugins create(
            StreamSpec stream, PluginRegistry registry, List<ConfigProblem> problems, StreamCatalog catalog) {
        List<String> names = stream.fieldNames();
        RecordSchema schema = RecordSchema.of(names);
        FieldGenerator[] generators = new FieldGenerator[names.size()];
        List<ValueType> types = new ArrayList<>(names.size());
        for (int i = 0; i < generators.length; i++) {
            String field = names.get(i);
            GeneratorSpec spec = new GeneratorSpec(
                    stream.name(),
                    field,
                    stream.path() + ".fields." + field,
                    stream.field(field),
                    stream.fieldOrigin(field),
                    problems,
                    registry::createGenerator,
                    catalog);
            generators[i] = registry.createGenerator(spec);
            types.add(spec.declaredType());
        }
        if (catalog instanceof SpecCatalog specCatalog) {
            Map<String, ValueType> byName = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), types.get(i));
            }
            specCatalog.recordTypes(stream.name(), byName);
        }
        RecordEncoder keyEncoder = format(stream, schema, types, true, stream.keyFormat(), registry, problems);
        RecordEncoder valueEncoder = format(stream, schema, types, false, stream.valueFormat(), registry, problems);
        FieldGenerator[] headerGenerators = headerGenerators(stream, registry, problems, catalog);
        return new StreamPlugins(
                schema, List.copyOf(types), generators, keyEncoder, valueEncoder, stream.headers(), headerGenerators);
    }

    /**
     * Validates a stream's plugins, recording every problem found.
     *
     * @param stream the stream
     * @param registry the plugin providers
     * @param problems where problems are added
     * @param catalog the simulation's streams, for references between them
     */
    public static void validate(
            StreamSpec stream, PluginRegistry registry, List<ConfigProblem> problems, StreamCatalog catalog) {
        create(stream, registry, problems, catalog);
    }

    private static FieldGenerator[] headerGenerators(
            StreamSpec stream, PluginRegistry registry, List<ConfigProblem> problems, StreamCatalog catalog) {
        List<HeaderSpec> headers = stream.headers();
        FieldGenerator[] generators = new FieldGenerator[headers.size()];
        for (int i = 0; i < generators.length; i++) {
            HeaderSpec header = headers.get(i);
            if (header.generated()) {
                GeneratorSpec spec = new GeneratorSpec(
                        stream.name(),
                        "headers." + header.name(),
                        stream.path() + ".headers." + header.name(),
                        header.generator(),
                        header.origin(),
                        problems,
                        registry::createGenerator,
                        catalog);
                generators[i] = registry.createGenerator(spec);
            }
        }
        return generators;
    }

    /** Returns where a format was declared: the line of {@code format = avro} for a bare type name. */
    private static ConfigOrigin formatOrigin(Config block) {
        boolean bareType = block.root().size() == 1 && block.hasPath("type");
        return bareType ? block.getValue("type").origin() : block.origin();
    }

    private static RecordEncoder format(
            StreamSpec stream,
            RecordSchema schema,
            List<ValueType> types,
            boolean forKey,
            Config block,
            PluginRegistry registry,
            List<ConfigProblem> problems) {
        String key = forKey ? "key-format" : "format";
        FormatSpec spec = new FormatSpec(
                stream.name(),
                schema,
                types,
                stream.keyField() != null && schema.indexOf(stream.keyField()) >= 0 ? stream.keyField() : null,
                stream.faults(),
                forKey,
                stream.path() + "." + key,
                block,
                formatOrigin(block),
                problems);
        return registry.createFormat(spec);
    }
}
