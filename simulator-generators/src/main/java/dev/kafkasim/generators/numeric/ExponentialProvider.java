package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Clamp;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code exponential} generators: non-negative {@link Double}s from the exponential distribution, given by
 * its {@code mean} or by its {@code rate} (events per unit, the inverse of the mean). Values are clamped to the
 * optional {@code min} and {@code max} and rounded to the optional {@code scale}.
 *
 * <pre>{@code think_time_s { type = exponential, mean = 4.5, scale = 3 }}</pre>
 */
public final class ExponentialProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ExponentialProvider() {}

    @Override
    public String type() {
        return "exponential";
    }

    @Override
    public String description() {
        return "non-negative decimals from the exponential distribution with a mean or a rate";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        double mean;
        spec.accept("rate", "mean");
        if (spec.has("rate") && spec.has("mean")) {
            spec.problem("set either mean or rate (the inverse of the mean), not both");
        }
        if (spec.has("rate")) {
            double rate = spec.getDouble("rate");
            Parameters.requirePositive(spec, "rate", rate);
            mean = 1 / rate;
        } else {
            mean = spec.getDouble("mean");
            Parameters.requirePositive(spec, "mean", mean);
        }
        Clamp clamp = Clamp.read(spec);
        int scale = Parameters.scale(spec);
        return context ->
                Decimals.roundWithin(mean * context.random().nextExponential(), scale, clamp.min(), clamp.max());
    }
}
