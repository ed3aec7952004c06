package dev.kafkasim.core.testplugins;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;

/** Claims the type name {@code counter} and delegates to {@link CounterGenerator}. */
public class DelegatingCounter implements GeneratorProvider {
    @Override
    public String type() {
        return "counter";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        return new CounterGenerator().create(spec);
    }
}
