package dev.kafkasim.core.testplugins;

import dev.kafkasim.core.spi.EmittedValues;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;

/** Test generator {@code pick}: a uniform choice among the values another stream sent, or null when none. */
public final class PickGenerator implements GeneratorProvider {
    @Override
    public String type() {
        return "pick";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        EmittedValues values = spec.emittedValues("stream", "field");
        return context -> values == null || values.size() == 0
                ? null
                : values.get(context.random().nextInt(values.size()));
    }
}
