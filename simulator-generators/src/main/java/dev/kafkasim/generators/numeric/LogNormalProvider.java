package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Clamp;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code log-normal} generators: positive {@link Double}s whose logarithm is normally distributed. The
 * distribution is given either by {@code mu} and {@code sigma}, the mean and standard deviation of the logarithm,
 * or by {@code mean} and {@code stddev} of the values themselves. Values are clamped to the optional {@code min}
 * and {@code max} and rounded to the optional {@code scale}.
 *
 * <pre>{@code
 * latency_ms  { type = log-normal, mean = 120, stddev = 60, scale = 1 }
 * order_total { type = log-normal, mu = 3.5, sigma = 0.8, max = 5000, scale = 2 }
 * }</pre>
 */
public final class LogNormalProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public LogNormalProvider() {}

    @Override
    public String type() {
        return "log-normal";
    }

    @Override
    public String description() {
        return "positive decimals whose logarithm is normal, given by mu and sigma or by mean and stddev";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        spec.accept("mu", "sigma", "mean", "stddev");
        boolean byLog = spec.has("mu") || spec.has("sigma");
        boolean byValue = spec.has("mean") || spec.has("stddev");
        if (byLog && byValue) {
            spec.problem("set either mu and sigma (of the logarithm) or mean and stddev (of the values), not both");
        }
        double mu;
        double sigma;
        if (byValue) {
            double mean = spec.getDouble("mean");
            double stddev = spec.getDouble("stddev");
            Parameters.requirePositive(spec, "mean", mean);
            Parameters.requirePositive(spec, "stddev", stddev);
            double variance = stddev * stddev;
            mu = Math.log(mean * mean / Math.sqrt(variance + mean * mean));
            sigma = Math.sqrt(Math.log1p(variance / (mean * mean)));
        } else {
            mu = spec.getDouble("mu");
            sigma = spec.getDouble("sigma");
            Parameters.requireFinite(spec, "mu", mu);
            Parameters.requirePositive(spec, "sigma", sigma);
        }
        Clamp clamp = Clamp.read(spec);
        int scale = Parameters.scale(spec);
        return context -> Decimals.roundWithin(
                Math.exp(mu + sigma * context.random().nextGaussian()), scale, clamp.min(), clamp.max());
    }
}
