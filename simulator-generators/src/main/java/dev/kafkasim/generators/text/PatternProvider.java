package dev.kafkasim.generators.text;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;
import java.util.IllegalFormatException;
import java.util.Locale;

/**
 * Creates {@code pattern} generators: an id from 0 to {@code cardinality - 1}, formatted with a
 * {@link java.util.Formatter} {@code format} such as {@code sensor-%04d}. The id is drawn uniformly
 * ({@code order = random}, the default) or counts up and wraps ({@code order = sequential}).
 *
 * <pre>{@code device_id { type = pattern, format = "sensor-%04d", cardinality = 300 }}</pre>
 */
public final class PatternProvider implements GeneratorProvider {
    /** Ids up to this count have their formatted text cached, since formatting costs more than a lookup. */
    private static final int CACHED_IDS = 1 << 16;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public PatternProvider() {}

    @Override
    public String type() {
        return "pattern";
    }

    @Override
    public String description() {
        return "an id below cardinality, random or sequential, formatted like \"sensor-%04d\"";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.STRING);
        String format = spec.getString("format");
        long cardinality = spec.getLong("cardinality");
        boolean sequential = readSequential(spec);
        boolean valid = Parameters.requireAtLeast(spec, "cardinality", cardinality, 1);
        valid &= validFormat(spec, format);
        if (!valid) {
            return context -> null;
        }
        return new Pattern(format, cardinality, sequential);
    }

    private static boolean readSequential(GeneratorSpec spec) {
        String order = spec.getString("order", "random");
        if (!order.equals("random") && !order.equals("sequential")) {
            spec.reject("order", order, "random or sequential");
        }
        return order.equals("sequential");
    }

    private static boolean validFormat(GeneratorSpec spec, String format) {
        if (!spec.has("format")) {
            return false;
        }
        try {
            if (String.format(Locale.ROOT, format, 0L).equals(String.format(Locale.ROOT, format, 1L))) {
                spec.reject(
                        "format", "\"" + format + "\"", "a format with a conversion for the id, such as sensor-%04d");
                return false;
            }
            return true;
        } catch (IllegalFormatException e) {
            spec.reject(
                    "format",
                    "\"" + format + "\"",
                    "a java.util.Formatter format taking one whole number, " + "such as sensor-%04d (" + e.getMessage()
                            + ")");
            return false;
        }
    }

    private static final class Pattern implements FieldGenerator {
        private final String format;
        private final long cardinality;
        private final boolean sequential;
        private final String[] cache;
        private long next;

        Pattern(String format, long cardinality, boolean sequential) {
            this.format = format;
            this.cardinality = cardinality;
            this.sequential = sequential;
            this.cache = new String[(int) Math.min(cardinality, CACHED_IDS)];
        }

        @Override
        public Object next(GenerationContext context) {
            long id;
            if (sequential) {
                id = next;
                next = next + 1 == cardinality ? 0 : next + 1;
            } else {
                id = context.random().nextLong(cardinality);
            }
            return format(id);
        }

        private String format(long id) {
            if (id >= cache.length) {
                return String.format(Locale.ROOT, format, id);
            }
            String text = cache[(int) id];
            if (text == null) {
                text = String.format(Locale.ROOT, format, id);
                cache[(int) id] = text;
            }
            return text;
        }
    }
}
