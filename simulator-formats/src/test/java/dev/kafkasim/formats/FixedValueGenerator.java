package dev.kafkasim.formats;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;

/**
 * Test generator {@code fixed}: always the configured {@code value}. This module's tests cannot use the built-in
 * generators, whose own tests depend on this module.
 */
public final class FixedValueGenerator implements GeneratorProvider {
    @Override
    public String type() {
        return "fixed";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        Object value = spec.has("value") ? spec.config().getValue("value").unwrapped() : null;
        Object normalized = value instanceof Integer number ? Long.valueOf(number) : value;
        return context -> normalized;
    }
}
