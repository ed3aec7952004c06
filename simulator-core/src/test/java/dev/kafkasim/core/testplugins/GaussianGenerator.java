package dev.kafkasim.core.testplugins;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;

/** Test generator {@code gaussian}: normal draws with a required mean and stddev greater than 0. */
public final class GaussianGenerator implements GeneratorProvider {
    @Override
    public String type() {
        return "gaussian";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        double mean = spec.getDouble("mean");
        double stddev = spec.getDouble("stddev");
        if (spec.has("stddev") && !(stddev > 0)) {
            spec.reject("stddev", stddev, "a number greater than 0");
        }
        return context -> mean + stddev * context.random().nextGaussian();
    }
}
