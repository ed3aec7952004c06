package dev.kafkasim.generators.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalProviderTest extends GeneratorContractTest {
    private static final int SAMPLES = 100_000;

    @Override
    protected GeneratorProvider provider() {
        return new NormalProvider();
    }

    @Override
    protected String validConfig() {
        return "type = normal, mean = 55, stddev = 8, min = 0, max = 100";
    }

    @Test
    void meanAndStddevMatch() {
        List<Double> values = draw("type = normal, mean = 55, stddev = 8", SAMPLES);

        assertThat(Statistics.mean(values)).isCloseTo(55.0, within(Statistics.meanTolerance(8, SAMPLES)));
        assertThat(Statistics.stddev(values)).isCloseTo(8.0, within(Statistics.stddevTolerance(8, 3, SAMPLES)));
    }

    @Test
    void clampKeepsValuesWithinBounds() {
        List<Double> values = draw("type = normal, mean = 0, stddev = 10, min = -5, max = 5", SAMPLES);

        assertThat(values).allSatisfy(value -> assertThat(value).isBetween(-5.0, 5.0));
        assertThat(values).contains(-5.0, 5.0);
    }

    @Test
    void scaleRoundsToDecimalPlaces() {
        List<Double> values = draw("type = normal, mean = 20, stddev = 3, scale = 1", 1000);

        assertThat(values)
                .allSatisfy(
                        value -> assertThat(BigDecimal.valueOf(value).scale()).isLessThanOrEqualTo(1));
    }

    @Test
    void zeroStddevIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = normal, mean = 1, stddev = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.stddev: invalid value 0; expected"
                        + " a number greater than 0");
    }

    @Test
    void missingStddevIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = normal, mean = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.stddev: missing required key;"
                        + " expected a number");
    }

    @Test
    void minAboveMaxIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = normal, mean = 1, stddev = 1, min = 5, max = 4");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: min (5) must not be greater"
                        + " than max (4)");
    }

    private static List<Double> draw(String hocon, int count) {
        TestGenerators.Created created = TestGenerators.create(new NormalProvider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return UniformProviderTest.doubles(created.values(new TestGenerationContext(5), count));
    }
}
