package dev.kafkasim.generators.choice;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code boolean} generators: {@code true} with {@code probability} (default 0.5), otherwise
 * {@code false}.
 *
 * <pre>{@code is_mobile { type = boolean, probability = 0.6 }}</pre>
 */
public final class BooleanProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public BooleanProvider() {}

    @Override
    public String type() {
        return "boolean";
    }

    @Override
    public String description() {
        return "true with the given probability, otherwise false";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.BOOLEAN);
        double probability = spec.getDouble("probability", 0.5);
        Parameters.requireProbability(spec, "probability", probability);
        return context -> context.random().nextDouble() < probability;
    }
}
