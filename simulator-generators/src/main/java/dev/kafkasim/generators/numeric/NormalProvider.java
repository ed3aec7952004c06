package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Clamp;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code normal} generators: {@link Double}s from a Gaussian distribution with {@code mean} and
 * {@code stddev}, clamped to the optional {@code min} and {@code max} and rounded to the optional {@code scale}.
 *
 * <pre>{@code humidity { type = normal, mean = 55, stddev = 8, min = 0, max = 100, scale = 1 }}</pre>
 */
public final class NormalProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public NormalProvider() {}

    @Override
    public String type() {
        return "normal";
    }

    @Override
    public String description() {
        return "decimals from a Gaussian distribution with mean and stddev, optionally clamped to min and max";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        double mean = spec.getDouble("mean");
        double stddev = spec.getDouble("stddev");
        Clamp clamp = Clamp.read(spec);
        int scale = Parameters.scale(spec);
        Parameters.requireFinite(spec, "mean", mean);
        Parameters.requirePositive(spec, "stddev", stddev);
        return context ->
                Decimals.roundWithin(mean + stddev * context.random().nextGaussian(), scale, clamp.min(), clamp.max());
    }
}
