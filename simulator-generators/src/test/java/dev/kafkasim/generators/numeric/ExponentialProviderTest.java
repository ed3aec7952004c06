package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;

class ExponentialProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new ExponentialProvider();
    }

    @Override
    protected String validConfig() {
        return "type = exponential, mean = 4.5, scale = 3";
    }
}
