package dev.kafkasim.generators.choice;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.HoconValues;
import dev.kafkasim.generators.internal.Parameters;
import java.util.Arrays;

/**
 * Creates {@code one-of} generators: one of the {@code values} list, each equally likely. Values may be of any
 * HOCON type and keep it, as with {@code constant}.
 *
 * <pre>{@code region { type = one-of, values = [eu-west, eu-central, us-east] }}</pre>
 */
public final class OneOfProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public OneOfProvider() {}

    @Override
    public String type() {
        return "one-of";
    }

    @Override
    public String description() {
        return "one of a list of values of any type, each equally likely";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        if (!spec.has("values")) {
            spec.problem("missing required key 'values'; expected a list such as [eu-west, eu-central]");
            return context -> null;
        }
        ConfigValue declared = spec.config().getValue("values");
        if (declared.valueType() != ConfigValueType.LIST || ((ConfigList) declared).isEmpty()) {
            spec.reject(
                    "values",
                    Parameters.render(declared),
                    "a list of at least one value, such as [eu-west, eu-central]");
            return context -> null;
        }
        ConfigList list = (ConfigList) declared;
        Object[] values = new Object[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = HoconValues.toFieldValue(list.get(i));
        }
        spec.declare(ValueType.common(Arrays.stream(values).map(ValueType::of).toList()));
        return context -> values[context.random().nextInt(values.length)];
    }
}
