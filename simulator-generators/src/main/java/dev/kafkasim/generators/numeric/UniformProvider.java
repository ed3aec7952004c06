package dev.kafkasim.generators.numeric;

import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.HoconValues;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.Sampling;

/**
 * Creates {@code uniform} generators. Whole-number generators return {@link Long}s drawn from {@code min} to
 * {@code max}, both inclusive. Decimal generators return {@link Double}s drawn from {@code min} (inclusive) to
 * {@code max} (exclusive), rounded to {@code scale} decimal places when it is set.
 *
 * <p>A generator is decimal when {@code decimal = true}, when {@code scale} is set, or when a bound has a fraction.
 * HOCON reads {@code 8.0} as the whole number 8, so {@code min = 0.0, max = 1.0} alone gives whole numbers.
 *
 * <pre>{@code
 * quantity { type = uniform, min = 1, max = 10 }
 * price    { type = uniform, min = 0.5, max = 99.99, scale = 2 }
 * ratio    { type = uniform, min = 0, max = 1, decimal = true }
 * }</pre>
 */
public final class UniformProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UniformProvider() {}

    @Override
    public String type() {
        return "uniform";
    }

    @Override
    public String description() {
        return "whole numbers from min to max inclusive, or decimals from min to max with optional scale";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        int scale = Parameters.scale(spec);
        boolean fractional = !isWhole(spec, "min") || !isWhole(spec, "max");
        boolean decimal = spec.getBoolean("decimal", spec.has("scale") || fractional);
        if (!decimal && spec.has("scale")) {
            spec.problem("scale applies only to decimal values; remove scale or set decimal = true");
        }
        spec.declare(decimal ? ValueType.DOUBLE : ValueType.LONG);
        return decimal ? createDecimal(spec, scale) : createWhole(spec);
    }

    private static FieldGenerator createWhole(GeneratorSpec spec) {
        long min = spec.getLong("min");
        long max = spec.getLong("max");
        if (!Parameters.requireOrdered(spec, "min", min, "max", max)) {
            return context -> min;
        }
        return context -> Sampling.nextLongInclusive(context.random(), min, max);
    }

    private static FieldGenerator createDecimal(GeneratorSpec spec, int scale) {
        double min = spec.getDouble("min");
        double max = spec.getDouble("max");
        boolean valid = Parameters.requireFinite(spec, "min", min) & Parameters.requireFinite(spec, "max", max);
        if (!valid || !Parameters.requireOrdered(spec, "min", min, "max", max)) {
            return context -> min;
        }
        return context -> Decimals.roundWithin(Sampling.nextDouble(context.random(), min, max), scale, min, max);
    }

    private static boolean isWhole(GeneratorSpec spec, String key) {
        if (!spec.has(key)) {
            return true;
        }
        ConfigValue value = spec.config().getValue(key);
        return HoconValues.isWholeNumber(value);
    }
}
