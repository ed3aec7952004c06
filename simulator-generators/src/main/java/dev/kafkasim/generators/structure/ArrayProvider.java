package dev.kafkasim.generators.structure;

import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.Sampling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates {@code array} generators: a list of values from the nested generator {@code items}. The length is a
 * fixed {@code length = n}, drawn uniformly from {@code min-length} to {@code max-length} (both inclusive), or
 * drawn from a nested generator {@code length { ... }} that returns whole numbers. Lengths are capped at
 * {@value #MAX_LENGTH}.
 *
 * <pre>{@code
 * tags  { type = array, min-length = 0, max-length = 3, items { type = one-of, values = [new, sale, eco] } }
 * lines { type = array, length { type = poisson, mean = 2 }, items { type = uniform, min = 1, max = 99 } }
 * }</pre>
 */
public final class ArrayProvider implements GeneratorProvider {
    /** The largest length an array may have, so that a mistaken length cannot exhaust memory. */
    public static final int MAX_LENGTH = 100_000;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ArrayProvider() {}

    @Override
    public String type() {
        return "array";
    }

    @Override
    public String description() {
        return "a list of values from a nested items generator, with a fixed, ranged or generated length";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        FieldGenerator items = spec.generator("items");
        spec.declare(ValueType.arrayOf(spec.nestedType("items")));
        FieldGenerator length = createLength(spec);
        String path = spec.path();
        return context -> {
            int size = checkedLength(path, length.next(context));
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(items.next(context));
            }
            return Collections.unmodifiableList(values);
        };
    }

    private static FieldGenerator createLength(GeneratorSpec spec) {
        spec.accept("length", "min-length", "max-length");
        boolean ranged = spec.has("min-length") || spec.has("max-length");
        if (!spec.has("length")) {
            if (!ranged) {
                spec.problem("missing the array length; set length (a whole number or a generator block) or"
                        + " min-length and max-length");
                return context -> 0L;
            }
            return createRange(spec);
        }
        if (ranged) {
            spec.problem("set either length or min-length and max-length, not both");
        }
        if (spec.config().getValue("length").valueType() == ConfigValueType.OBJECT) {
            return spec.generator("length");
        }
        long fixed = spec.getLong("length", 0);
        if (Parameters.requireAtLeast(spec, "length", fixed, 0) && fixed > MAX_LENGTH) {
            spec.reject("length", fixed, "a whole number from 0 to " + MAX_LENGTH);
        }
        return context -> fixed;
    }

    private static FieldGenerator createRange(GeneratorSpec spec) {
        long min = spec.getLong("min-length", 0);
        long max = spec.getLong("max-length");
        boolean valid = Parameters.requireAtLeast(spec, "min-length", min, 0) || !spec.has("min-length");
        if (Parameters.isNumber(spec, "max-length") && max > MAX_LENGTH) {
            spec.reject("max-length", max, "a whole number from 0 to " + MAX_LENGTH);
            valid = false;
        }
        if (valid && spec.has("min-length")) {
            valid = Parameters.requireOrdered(spec, "min-length", min, "max-length", max);
        }
        if (!valid || min > max) {
            return context -> 0L;
        }
        return context -> Sampling.nextLongInclusive(context.random(), min, max);
    }

    private static int checkedLength(String path, Object length) {
        if ((length instanceof Long || length instanceof Integer)
                && ((Number) length).longValue() >= 0
                && ((Number) length).longValue() <= MAX_LENGTH) {
            return ((Number) length).intValue();
        }
        throw new KafkasimException(path + ".length: the length generator returned " + length
                + "; expected a whole number from 0 to " + MAX_LENGTH);
    }
}
