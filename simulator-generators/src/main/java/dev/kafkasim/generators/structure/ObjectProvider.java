package dev.kafkasim.generators.structure;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.HoconValues;
import dev.kafkasim.generators.internal.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates {@code object} generators: a nested {@link RecordValue} whose {@code fields} are each made by their own
 * generator, in declared order.
 *
 * <pre>{@code
 * location {
 *   type = object
 *   fields {
 *     lat { type = uniform, min = 47.0, max = 55.0, scale = 5 }
 *     lon { type = uniform, min = 5.9, max = 15.0, scale = 5 }
 *   }
 * }
 * }</pre>
 */
public final class ObjectProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ObjectProvider() {}

    @Override
    public String type() {
        return "object";
    }

    @Override
    public String description() {
        return "a nested record whose fields each have their own generator";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        if (!spec.has("fields")) {
            spec.problem("missing required key 'fields'; expected an object of field names to generator blocks");
            return context -> null;
        }
        ConfigValue declared = spec.config().getValue("fields");
        if (declared.valueType() != ConfigValueType.OBJECT
                || spec.config().getObject("fields").isEmpty()) {
            spec.reject(
                    "fields",
                    Parameters.render(declared),
                    "an object of at least one field name to a generator block,"
                            + " such as { lat { type = uniform, min = 47.0, max = 55.0 } }");
            return context -> null;
        }
        for (List<String> names : HoconValues.keysSharingALine(spec.config().getObject("fields"))) {
            String quoted = names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            // Reported at the first of the keys, so the problem carries the line they share.
            spec.problem(
                    "fields." + quote(names.get(0)),
                    "fields " + quoted + " are declared on one line; HOCON does not keep the order of keys on one"
                            + " line, so put each of these fields on its own line");
        }
        List<Map.Entry<String, ConfigValue>> entries =
                HoconValues.declaredOrder(spec.config().getObject("fields"));
        String[] names = new String[entries.size()];
        FieldGenerator[] generators = new FieldGenerator[entries.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = entries.get(i).getKey();
            generators[i] = spec.generator("fields." + quote(names[i]));
        }
        RecordSchema schema = RecordSchema.of(names);
        List<ValueType> types = new ArrayList<>();
        for (String name : names) {
            types.add(spec.nestedType("fields." + quote(name)));
        }
        spec.declare(ValueType.objectOf(schema, types));
        return context -> {
            Object[] values = new Object[generators.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = generators[i].next(context);
            }
            return RecordValue.of(schema, values);
        };
    }

    private static String quote(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
