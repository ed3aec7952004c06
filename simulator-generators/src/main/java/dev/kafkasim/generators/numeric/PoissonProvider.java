package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Distributions;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code poisson} generators: counts ({@link Long}s from 0) from the Poisson distribution with the given
 * {@code mean}, such as the number of items in a basket.
 *
 * <pre>{@code items { type = poisson, mean = 2.5 }}</pre>
 */
public final class PoissonProvider implements GeneratorProvider {
    /** The largest mean accepted; larger means are better served by a normal distribution. */
    static final double MAX_MEAN = 1e12;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public PoissonProvider() {}

    @Override
    public String type() {
        return "poisson";
    }

    @Override
    public String description() {
        return "whole-number counts from the Poisson distribution with a mean";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.LONG);
        double mean = spec.getDouble("mean");
        if (Parameters.requirePositive(spec, "mean", mean) && mean > MAX_MEAN) {
            spec.reject("mean", Parameters.format(mean), "a number greater than 0 and at most 10^12");
        }
        return context -> Distributions.poisson(context.random(), mean);
    }
}
