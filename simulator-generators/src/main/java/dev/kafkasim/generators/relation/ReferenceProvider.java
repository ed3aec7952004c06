package dev.kafkasim.generators.relation;

import dev.kafkasim.core.spi.EmittedValues;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.ZipfSampler;

/**
 * Creates {@code reference} generators: a value another stream has already sent, such as the id of an existing
 * customer for an order. The choice is uniform over the distinct values sent so far, or skewed with Zipf weights
 * toward the values sent first, for hot customers.
 *
 * <pre>{@code
 * customer_id { type = reference, stream = customers }                       # the customers stream's key
 * customer_id { type = reference, stream = customers, field = customer_id, choice = zipf, exponent = 1.2 }
 * }</pre>
 *
 * <p>The referenced stream and field must exist, or loading fails with the path and line. Before the other
 * stream has sent anything the value is {@code null}; declare that stream with {@code preload = true} so that it
 * runs to completion first and every reference finds a value.
 */
public final class ReferenceProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ReferenceProvider() {}

    @Override
    public String type() {
        return "reference";
    }

    @Override
    public String description() {
        return "a value another stream already sent (a key by default), chosen uniformly or with Zipf skew";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        EmittedValues values = spec.emittedValues("stream", "field");
        String choice = spec.getString("choice", "uniform");
        double exponent = spec.getDouble("exponent", 1.0);
        boolean valid = values != null;
        if (!choice.equals("uniform") && !choice.equals("zipf")) {
            spec.reject("choice", "'" + choice + "'", "uniform or zipf");
            valid = false;
        }
        if (spec.has("exponent") && !choice.equals("zipf")) {
            spec.problem("exponent", "exponent applies only to choice = zipf");
            valid = false;
        }
        valid &= !spec.has("exponent") || Parameters.requirePositive(spec, "exponent", exponent);
        if (!valid) {
            return context -> null;
        }
        // Null until the other stream has sent a value.
        spec.declare(spec.catalog().fieldType(values.stream(), values.field()).orNull());
        return choice.equals("zipf") ? new ZipfChoice(values, exponent) : context -> uniform(values, context);
    }

    private static Object uniform(EmittedValues values, GenerationContext context) {
        int size = values.size();
        return size == 0 ? null : values.get(context.random().nextInt(size));
    }

    /** Picks by Zipf rank over the values sent so far; rank 1 is the value sent first. */
    private static final class ZipfChoice implements FieldGenerator {
        private final EmittedValues values;
        private final double exponent;
        private ZipfSampler sampler;
        private int samplerSize;

        ZipfChoice(EmittedValues values, double exponent) {
            this.values = values;
            this.exponent = exponent;
        }

        @Override
        public Object next(GenerationContext context) {
            int size = values.size();
            if (size == 0) {
                return null;
            }
            if (size != samplerSize) {
                // The range grows as the other stream sends; rejection-inversion is rebuilt in constant time.
                sampler = ZipfSampler.rejectionInversion(size, exponent);
                samplerSize = size;
            }
            return values.get((int) (sampler.sample(context.random()) - 1));
        }
    }
}
