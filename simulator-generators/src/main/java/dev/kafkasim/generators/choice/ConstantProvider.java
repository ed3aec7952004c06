package dev.kafkasim.generators.choice;

import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.HoconValues;

/**
 * Creates {@code constant} generators, which return the same {@code value} for every record. The value may be of
 * any HOCON type: {@code null}, a boolean, a number, a string, a list, or an object (returned as a
 * {@link dev.kafkasim.core.RecordValue}).
 *
 * <pre>{@code schema_version { type = constant, value = 3 }}</pre>
 */
public final class ConstantProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ConstantProvider() {}

    @Override
    public String type() {
        return "constant";
    }

    @Override
    public String description() {
        return "the same value of any type for every record";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.accept("value");
        ConfigValue declared = spec.config().root().get("value");
        if (declared == null) {
            spec.problem("missing required key 'value'; expected a value of any type, such as 3, \"eu-west\", true"
                    + " or null");
            return context -> null;
        }
        Object value = HoconValues.toFieldValue(declared);
        spec.declare(ValueType.of(value));
        return context -> value;
    }
}
