package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;

/**
 * Creates {@code sequence} generators: {@code start}, {@code start + step}, {@code start + 2 * step}, and so on,
 * one value per call. With {@code wrap = n} the sequence restarts at {@code start} after {@code n} values.
 *
 * <pre>{@code order_id { type = sequence, start = 1000, step = 1 }}</pre>
 */
public final class SequenceProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SequenceProvider() {}

    @Override
    public String type() {
        return "sequence";
    }

    @Override
    public String description() {
        return "whole numbers counting from start by step, optionally wrapping after a number of values";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.LONG);
        long start = spec.getLong("start", 0);
        long step = spec.getLong("step", 1);
        long wrap = spec.getLong("wrap", 0);
        if (step == 0) {
            spec.reject("step", step, "a whole number other than 0");
        }
        if (spec.has("wrap") && Parameters.requireAtLeast(spec, "wrap", wrap, 1) && !fits(start, step, wrap)) {
            spec.problem("the last value before wrapping, start + step * (wrap - 1) = " + start + " + " + step + " * "
                    + (wrap - 1) + ", is outside the range of a 64-bit whole number");
        }
        return new Sequence(spec.path(), start, step, wrap);
    }

    private static boolean fits(long start, long step, long wrap) {
        try {
            Math.addExact(start, Math.multiplyExact(step, wrap - 1));
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static final class Sequence implements FieldGenerator {
        private final String path;
        private final long start;
        private final long step;
        private final long wrap;
        private long index;

        Sequence(String path, long start, long step, long wrap) {
            this.path = path;
            this.start = start;
            this.step = step;
            this.wrap = wrap;
        }

        @Override
        public Object next(GenerationContext context) {
            long position = index++;
            if (wrap > 0) {
                position %= wrap;
            }
            try {
                return Math.addExact(start, Math.multiplyExact(step, position));
            } catch (ArithmeticException e) {
                throw new KafkasimException(path + ": sequence passed the range of a 64-bit whole number after "
                        + position + " values; lower start or step, or set wrap");
            }
        }
    }
}
