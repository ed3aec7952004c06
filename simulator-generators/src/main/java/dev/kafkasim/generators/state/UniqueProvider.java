package dev.kafkasim.generators.state;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@code unique} generators, which never return the same value twice in a run. Either
 *
 * <ul>
 *   <li>{@code min} and {@code max}: whole numbers from the range, both inclusive, in a random order (a lazy
 *       Fisher-Yates shuffle, so memory grows with the values drawn, not with the range). The optional
 *       {@code count}, the number of values the run needs, is checked against the range size at load; or
 *   <li>{@code of}: a nested generator whose repeated values are drawn again, up to {@code max-attempts} (default
 *       1000) times in a row.
 * </ul>
 *
 * <p>Running out of values fails the run with an error naming the field.
 *
 * <pre>{@code
 * customer_id { type = unique, min = 1, max = 999999, count = 100000 }
 * email       { type = unique, of { type = faker, expression = "#{Internet.emailAddress}" } }
 * }</pre>
 */
public final class UniqueProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UniqueProvider() {}

    @Override
    public String type() {
        return "unique";
    }

    @Override
    public String description() {
        return "values that never repeat in a run, from a whole-number range or a nested generator";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.accept("min", "max", "count", "of", "max-attempts");
        boolean range = spec.has("min") || spec.has("max");
        if (range && spec.has("of")) {
            spec.problem("set either min and max (a range of whole numbers) or of (a nested generator), not both");
        }
        if (!range && !spec.has("of")) {
            spec.problem("missing the values to draw from; set min and max (a range of whole numbers) or of (a"
                    + " nested generator)");
            return context -> null;
        }
        if (range) {
            spec.declare(ValueType.LONG);
            return createRange(spec);
        }
        FieldGenerator wrapping = createWrapping(spec);
        spec.declare(spec.nestedType("of"));
        return wrapping;
    }

    private static FieldGenerator createRange(GeneratorSpec spec) {
        long min = spec.getLong("min");
        long max = spec.getLong("max");
        long count = spec.getLong("count", 0);
        if (!Parameters.requireOrdered(spec, "min", min, "max", max)) {
            return context -> null;
        }
        // The size overflows a long only for ranges of more than 2^63 values, which no run can exhaust.
        long size = max - min + 1;
        boolean fitsInLong = size > 0;
        if (spec.has("count") && Parameters.requireAtLeast(spec, "count", count, 1) && fitsInLong && count > size) {
            spec.problem("count (" + count + ") is more than the " + size + " values from min (" + min + ") to max ("
                    + max + "); widen the range or lower count");
        }
        return new ShuffledRange(spec.path(), min, fitsInLong ? size : Long.MAX_VALUE);
    }

    private static FieldGenerator createWrapping(GeneratorSpec spec) {
        FieldGenerator nested = spec.generator("of");
        long maxAttempts = spec.getLong("max-attempts", 1000);
        Parameters.requireAtLeast(spec, "max-attempts", maxAttempts, 1);
        if (spec.has("count")) {
            spec.reject(
                    "count",
                    spec.config().getValue("count").render(),
                    "no count with of; count applies to a" + " min and max range, whose size is known at load");
        }
        return new Distinct(spec.path(), nested, maxAttempts);
    }

    /**
     * Draws a random permutation of {@code min..min+size-1} one value at a time. Position {@code i} of the
     * permutation contains {@code i} until a swap moves another value there, so only swapped positions are stored.
     */
    private static final class ShuffledRange implements FieldGenerator {
        private final String path;
        private final long min;
        private final long size;
        private final Map<Long, Long> swapped = new HashMap<>();
        private long drawn;

        ShuffledRange(String path, long min, long size) {
            this.path = path;
            this.min = min;
            this.size = size;
        }

        @Override
        public Object next(GenerationContext context) {
            if (drawn == size) {
                throw new KafkasimException(
                        path + ": every value of the range (" + size + " values) was already used; widen min and max");
            }
            long pick = drawn + context.random().nextLong(size - drawn);
            long value = swapped.getOrDefault(pick, pick);
            swapped.put(pick, swapped.getOrDefault(drawn, drawn));
            swapped.remove(drawn);
            drawn++;
            return min + value;
        }
    }

    /** Draws from a nested generator and skips values seen before. NOTE: keeps every value returned, in memory. */
    private static final class Distinct implements FieldGenerator {
        private final String path;
        private final FieldGenerator nested;
        private final long maxAttempts;
        private final Set<Object> seen = new HashSet<>();

        Distinct(String path, FieldGenerator nested, long maxAttempts) {
            this.path = path;
            this.nested = nested;
            this.maxAttempts = maxAttempts;
        }

        @Override
        public Object next(GenerationContext context) {
            for (long attempt = 0; attempt < maxAttempts; attempt++) {
                Object value = nested.next(context);
                if (seen.add(value)) {
                    return value;
                }
            }
            throw new KafkasimException(path + ": the nested generator repeated an earlier value " + maxAttempts
                    + " times in a row after " + seen.size() + " unique values; give it more distinct values or"
                    + " raise max-attempts");
        }
    }
}
