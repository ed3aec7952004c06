package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;

class PoissonProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new PoissonProvider();
    }

    @Override
    protected String validConfig() {
        return "type = poisson, mean = 2.5";
    }
}
