package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.ZipfSampler;
import java.util.IllegalFormatException;
import java.util.Locale;

/**
 * Creates {@code zipf} generators: ranks from 1 to {@code cardinality}, rank {@code k} drawn with probability
 * proportional to {@code 1 / k^exponent}, so that a few ranks are very popular and most are rare. Ranks are
 * {@link Long}s, or text when a {@link java.util.Formatter} {@code format} such as {@code product-%05d} is set.
 *
 * <pre>{@code product_id { type = zipf, cardinality = 10000, exponent = 1.1, format = "product-%05d" }}</pre>
 */
public final class ZipfProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ZipfProvider() {}

    @Override
    public String type() {
        return "zipf";
    }

    @Override
    public String description() {
        return "ranks from 1 to cardinality with probability proportional to 1 / rank^exponent";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        long cardinality = spec.getLong("cardinality");
        double exponent = spec.getDouble("exponent", 1.0);
        String format = spec.getString("format", null);
        spec.declare(format == null ? ValueType.LONG : ValueType.STRING);
        boolean valid = Parameters.requireAtLeast(spec, "cardinality", cardinality, 1);
        valid &= !spec.has("exponent") || Parameters.requirePositive(spec, "exponent", exponent);
        valid &= format == null || validFormat(spec, format);
        if (!valid) {
            return context -> null;
        }
        ZipfSampler sampler = ZipfSampler.create(cardinality, exponent);
        if (format == null) {
            return context -> sampler.sample(context.random());
        }
        return context -> String.format(Locale.ROOT, format, sampler.sample(context.random()));
    }

    private static boolean validFormat(GeneratorSpec spec, String format) {
        try {
            String.format(Locale.ROOT, format, 1L);
            return true;
        } catch (IllegalFormatException e) {
            spec.reject(
                    "format",
                    "\"" + format + "\"",
                    "a java.util.Formatter format taking one whole number, " + "such as product-%05d (" + e.getMessage()
                            + ")");
            return false;
        }
    }
}
