package dev.kafkasim.generators.structure;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code nullable} generators: {@code null} for a {@code fraction} of records (default 0.1), otherwise the
 * value of the nested generator {@code of}. The nested generator is called only for non-null values.
 *
 * <pre>{@code coupon { type = nullable, fraction = 0.8, of { type = pattern, format = "C%03d", cardinality = 50 } }}</pre>
 */
public final class NullableProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public NullableProvider() {}

    @Override
    public String type() {
        return "nullable";
    }

    @Override
    public String description() {
        return "null for a fraction of records, otherwise the value of a nested generator";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        double fraction = spec.getDouble("fraction", 0.1);
        Parameters.requireProbability(spec, "fraction", fraction);
        FieldGenerator nested = spec.generator("of");
        spec.declare(fraction > 0 ? spec.nestedType("of").orNull() : spec.nestedType("of"));
        return context -> context.random().nextDouble() < fraction ? null : nested.next(context);
    }
}
