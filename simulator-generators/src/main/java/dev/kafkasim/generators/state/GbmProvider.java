package dev.kafkasim.generators.state;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Decimals;
import dev.kafkasim.generators.internal.KeyedState;
import dev.kafkasim.generators.internal.Parameters;
import java.time.Duration;

/**
 * Creates {@code gbm} generators: price paths by geometric Brownian motion, one per record key. A key's first value
 * is {@code start}; each later value is {@code previous * exp((drift - volatility^2 / 2) dt + volatility sqrt(dt) Z)}
 * with {@code Z} standard normal. {@code drift} and {@code volatility} are per {@code time-unit} (default 365 days,
 * so that they are annual rates). The time step {@code dt}, in time units, is the event time elapsed since the
 * key's previous value, or the fixed {@code dt} when it is set.
 *
 * <pre>{@code price { type = gbm, start = 100, drift = 0.05, volatility = 0.2, scale = 2 }}</pre>
 */
public final class GbmProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public GbmProvider() {}

    @Override
    public String type() {
        return "gbm";
    }

    @Override
    public String description() {
        return "price paths per key by geometric Brownian motion from start, with drift and volatility";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.DOUBLE);
        spec.requireKeyFieldBefore();
        double start = spec.getDouble("start");
        double drift = spec.getDouble("drift", 0);
        double volatility = spec.getDouble("volatility");
        Duration unit = spec.getDuration("time-unit", Duration.ofDays(365));
        double fixedStep = spec.getDouble("dt", -1);
        int scale = Parameters.scale(spec);
        Parameters.requirePositive(spec, "start", start);
        Parameters.requireFinite(spec, "drift", drift);
        if (Parameters.isNumber(spec, "volatility") && !(volatility >= 0 && Double.isFinite(volatility))) {
            spec.reject("volatility", Parameters.format(volatility), "a number of at least 0");
        }
        if (spec.has("dt")) {
            Parameters.requirePositive(spec, "dt", fixedStep);
        }
        if (unit.isNegative() || unit.isZero()) {
            spec.reject("time-unit", spec.config().getValue("time-unit").render(), "a duration greater than 0");
            unit = Duration.ofDays(365);
        }
        return new Gbm(start, drift, volatility, unit.toNanos() / 1e6, fixedStep, scale);
    }

    private static final class Gbm implements FieldGenerator {
        private final double start;
        private final double drift;
        private final double volatility;
        private final double unitMillis;
        private final double fixedStep;
        private final int scale;
        private final KeyedState<double[]> paths = new KeyedState<>();

        Gbm(double start, double drift, double volatility, double unitMillis, double fixedStep, int scale) {
            this.start = start;
            this.drift = drift;
            this.volatility = volatility;
            this.unitMillis = unitMillis;
            this.fixedStep = fixedStep;
            this.scale = scale;
        }

        @Override
        public Object next(GenerationContext context) {
            // Each path stores its last price and the event time it was drawn at.
            double[] path = paths.get(context.key());
            if (path == null) {
                paths.put(context.key(), new double[] {start, context.eventTime()});
                return Decimals.round(start, scale);
            }
            double dt = fixedStep > 0 ? fixedStep : Math.max(0, context.eventTime() - path[1]) / unitMillis;
            double exponent = (drift - volatility * volatility / 2) * dt
                    + volatility * Math.sqrt(dt) * context.random().nextGaussian();
            path[0] *= Math.exp(exponent);
            path[1] = context.eventTime();
            return Decimals.round(path[0], scale);
        }
    }
}
