package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Clamp;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.Parameters;
import java.time.Duration;

/**
 * Creates {@code seasonal} generators: a sine cycle over event time plus Gaussian noise,
 * {@code offset + amplitude * sin(2 pi (t - phase) / period) + noise * N(0, 1)}, where {@code t} is the event time
 * since the Unix epoch. With {@code phase = 0} the cycle rises through {@code offset} at midnight UTC for a daily
 * period, and peaks a quarter period later. Values are clamped to the optional {@code min} and {@code max} and
 * rounded to the optional {@code scale}.
 *
 * <pre>{@code load { type = seasonal, period = 1d, amplitude = 30, offset = 50, phase = 8h, noise = 3 }}</pre>
 */
public final class SeasonalProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SeasonalProvider() {}

    @Override
    public String type() {
        return "seasonal";
    }

    @Override
    public String description() {
        return "a sine cycle over event time with period, amplitude, phase and offset, plus normal noise";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        Duration period = Parameters.requiredPositiveDuration(spec, "period", "1d or 12h");
        double amplitude = spec.getDouble("amplitude");
        double offset = spec.getDouble("offset", 0);
        Duration phase = spec.getDuration("phase", Duration.ZERO);
        double noise = spec.getDouble("noise", 0);
        Clamp clamp = Clamp.read(spec);
        int scale = Parameters.scale(spec);
        Parameters.requireFinite(spec, "amplitude", amplitude);
        Parameters.requireFinite(spec, "offset", offset);
        if (Parameters.isNumber(spec, "noise") && !(noise >= 0 && Double.isFinite(noise))) {
            spec.reject(
                    "noise", Parameters.format(noise), "a number of at least 0 (the standard deviation of the noise)");
        }
        if (period != null && period.toMillis() == 0) {
            spec.reject("period", spec.config().getValue("period").render(), "a duration of at least 1ms");
            return context -> null;
        }
        if (period == null) {
            return context -> null;
        }
        double periodMillis = period.toMillis();
        long phaseMillis = phase.toMillis();
        return context -> {
            double cycles = Math.floorMod(context.eventTime() - phaseMillis, (long) periodMillis) / periodMillis;
            double value = offset + amplitude * Math.sin(2 * Math.PI * cycles);
            if (noise > 0) {
                value += noise * context.random().nextGaussian();
            }
            return Decimals.roundWithin(value, scale, clamp.min(), clamp.max());
        };
    }
}
