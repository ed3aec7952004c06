package dev.kafkasim.generators.state;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Clamp;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.KeyedState;
import dev.kafkasim.generators.internal.Parameters;
import java.util.Locale;

/**
 * Creates {@code random-walk} generators, which keep one walk per record key. A key's first value is
 * {@code start}; each later value adds {@code drift} and a move drawn uniformly from {@code -step} to {@code +step}
 * to the key's previous value. With {@code min} or {@code max} set, a value past a bound is reflected back inside
 * ({@code mode = reflect}, the default) or held at the bound ({@code mode = clamp}).
 *
 * <pre>{@code temperature { type = random-walk, start = 21.5, step = 0.2, min = -10, max = 45, scale = 2 }}</pre>
 */
public final class RandomWalkProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public RandomWalkProvider() {}

    @Override
    public String type() {
        return "random-walk";
    }

    @Override
    public String description() {
        return "a walk per key from start, moving up to step each record plus drift, kept within min and max";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        double start = spec.getDouble("start");
        double step = spec.getDouble("step");
        spec.requireKeyFieldBefore();
        double drift = spec.getDouble("drift", 0);
        Clamp bounds = Clamp.read(spec);
        Mode mode = Mode.read(spec);
        int scale = Parameters.scale(spec);
        Parameters.requireFinite(spec, "start", start);
        Parameters.requirePositive(spec, "step", step);
        Parameters.requireFinite(spec, "drift", drift);
        if (start < bounds.min() || start > bounds.max()) {
            spec.reject("start", Parameters.format(start), "a number from min to max");
        }
        return new RandomWalk(start, step, drift, bounds, mode, scale);
    }

    /** Way a walk that crosses a bound returns inside. */
    enum Mode {
        REFLECT,
        CLAMP;

        static Mode read(GeneratorSpec spec) {
            String name = spec.getString("mode", "reflect");
            try {
                return Mode.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                spec.reject("mode", name, "reflect or clamp");
                return REFLECT;
            }
        }
    }

    private static final class RandomWalk implements FieldGenerator {
        private final double start;
        private final double step;
        private final double drift;
        private final Clamp bounds;
        private final Mode mode;
        private final int scale;
        private final KeyedState<double[]> positions = new KeyedState<>();

        RandomWalk(double start, double step, double drift, Clamp bounds, Mode mode, int scale) {
            this.start = start;
            this.step = step;
            this.drift = drift;
            this.bounds = bounds;
            this.mode = mode;
            this.scale = scale;
        }

        @Override
        public Object next(GenerationContext context) {
            double[] position = positions.get(context.key());
            if (position == null) {
                positions.put(context.key(), new double[] {start});
                return Decimals.roundWithin(start, scale, bounds.min(), bounds.max());
            }
            double moved = position[0] + drift + context.random().nextDouble(-step, step);
            position[0] = mode == Mode.REFLECT ? reflect(moved) : bounds.apply(moved);
            return Decimals.roundWithin(position[0], scale, bounds.min(), bounds.max());
        }

        private double reflect(double value) {
            double min = bounds.min();
            double max = bounds.max();
            // A move is at most step + |drift|, which can exceed the width of the range, so fold until inside.
            for (int i = 0; i < 64 && (value < min || value > max); i++) {
                value = value < min ? 2 * min - value : 2 * max - value;
            }
            return bounds.apply(value);
        }
    }
}
