package dev.kafkasim.generators.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalProviderTest extends GeneratorContractTest {
    private static final long HOUR = 3_600_000L;

    @Override
    protected GeneratorProvider provider() {
        return new SeasonalProvider();
    }

    @Override
    protected String validConfig() {
        return "type = seasonal, period = 1d, amplitude = 30, offset = 50, phase = 8h, noise = 3, scale = 2";
    }

    @Test
    void followsSineWithoutNoise() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = seasonal, period = 1d, amplitude = 10, offset = 50");
        TestGenerationContext context = new TestGenerationContext(1);

        assertThat((Double) created.next(context.eventTime(TestGenerationContext.START_TIME)))
                .isCloseTo(50.0, within(1e-9));
        assertThat((Double) created.next(context.eventTime(TestGenerationContext.START_TIME + 6 * HOUR)))
                .isCloseTo(60.0, within(1e-9));
        assertThat((Double) created.next(context.eventTime(TestGenerationContext.START_TIME + 18 * HOUR)))
                .isCloseTo(40.0, within(1e-9));
    }

    @Test
    void phaseShiftsThePeak() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = seasonal, period = 1d, amplitude = 10, offset = 50, phase = 8h");
        TestGenerationContext context = new TestGenerationContext(1);

        assertThat((Double) created.next(context.eventTime(TestGenerationContext.START_TIME + 14 * HOUR)))
                .isCloseTo(60.0, within(1e-9));
    }

    @Test
    void noiseHasGivenStddev() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = seasonal, period = 1d, amplitude = 10, offset = 50, noise = 2");
        TestGenerationContext context = new TestGenerationContext(1).eventTime(TestGenerationContext.START_TIME);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add((Double) created.next(context));
        }

        assertThat(Statistics.mean(values)).isCloseTo(50.0, within(Statistics.meanTolerance(2, 100_000)));
        assertThat(Statistics.stddev(values)).isCloseTo(2.0, within(Statistics.stddevTolerance(2, 3, 100_000)));
    }

    @Test
    void missingPeriodIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = seasonal, amplitude = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: missing required key 'period';"
                        + " expected a duration such as 1d or 12h");
    }

    @Test
    void zeroPeriodIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = seasonal, period = 0s, amplitude = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.period: invalid value \"0s\";"
                        + " expected a duration greater than 0, such as 1d or 12h");
    }

    @Test
    void negativeNoiseIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = seasonal, period = 1h, amplitude = 1, noise = -1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.noise: invalid value -1; expected"
                        + " a number of at least 0 (the standard deviation of the noise)");
    }
}
