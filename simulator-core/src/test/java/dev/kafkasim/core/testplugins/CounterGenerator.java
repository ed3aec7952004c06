package dev.kafkasim.core.testplugins;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;

/** Test generator {@code counter}: start, start + step, ... per field instance. */
public final class CounterGenerator implements GeneratorProvider {
    @Override
    public String type() {
        return "counter";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        long start = spec.getLong("start", 0);
        long step = spec.getLong("step", 1);
        long[] next = {start};
        return context -> {
            long value = next[0];
            next[0] += step;
            return value;
        };
    }
}
