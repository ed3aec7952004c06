package dev.kafkasim.generators.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class BooleanProviderTest extends GeneratorContractTest {
    private static final int SAMPLES = 100_000;

    @Override
    protected GeneratorProvider provider() {
        return new BooleanProvider();
    }

    @Override
    protected String validConfig() {
        return "type = boolean, probability = 0.3";
    }

    @Test
    void trueFractionMatchesProbability() {
        List<Object> values = TestGenerators.create(provider(), "type = boolean, probability = 0.3")
                .values(context(), SAMPLES);
        double fraction = values.stream().filter(Boolean.TRUE::equals).count() / (double) SAMPLES;

        assertThat(fraction).isCloseTo(0.3, within(Statistics.meanTolerance(Math.sqrt(0.3 * 0.7), SAMPLES)));
    }

    @Test
    void defaultProbabilityIsHalf() {
        List<Object> values =
                TestGenerators.create(provider(), "type = boolean").values(context(), SAMPLES);
        double fraction = values.stream().filter(Boolean.TRUE::equals).count() / (double) SAMPLES;

        assertThat(fraction).isCloseTo(0.5, within(Statistics.meanTolerance(0.5, SAMPLES)));
    }

    @Test
    void extremeProbabilitiesAreExact() {
        List<Object> never = TestGenerators.create(provider(), "type = boolean, probability = 0")
                .values(context(), 1000);
        List<Object> always = TestGenerators.create(provider(), "type = boolean, probability = 1")
                .values(context(), 1000);

        assertThat(never).containsOnly(false);
        assertThat(always).containsOnly(true);
    }

    @Test
    void probabilityAboveOneIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = boolean, probability = 1.5");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.probability: invalid value 1.5;"
                        + " expected a probability from 0 to 1");
    }

    private static TestGenerationContext context() {
        return new TestGenerationContext(23);
    }
}
