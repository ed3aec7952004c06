package dev.kafkasim.generators.numeric;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;

class LogNormalProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new LogNormalProvider();
    }

    @Override
    protected String validConfig() {
        return "type = log-normal, mean = 120, stddev = 60, max = 1000, scale = 1";
    }
}
