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

class UniformProviderTest extends GeneratorContractTest {
    private static final int SAMPLES = 100_000;

    @Override
    protected GeneratorProvider provider() {
        return new UniformProvider();
    }

    @Override
    protected String validConfig() {
        return "type = uniform, min = 1, max = 100";
    }

    @Test
    void wholeBoundsGiveLongs() {
        List<Object> values = draw("type = uniform, min = 1, max = 6", 1000);

        assertThat(values).allSatisfy(value -> assertThat(value).isInstanceOf(Long.class));
        assertThat(values).containsOnly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void wholeMeanAndStddevMatch() {
        List<Long> values = longs(draw("type = uniform, min = 1, max = 100", SAMPLES));
        double stddev = Math.sqrt((100.0 * 100.0 - 1) / 12);

        assertThat(Statistics.mean(values)).isCloseTo(50.5, within(Statistics.meanTolerance(stddev, SAMPLES)));
        assertThat(Statistics.stddev(values))
                .isCloseTo(stddev, within(Statistics.stddevTolerance(stddev, 1.8, SAMPLES)));
    }

    @Test
    void fullLongRangeCoversBothSigns() {
        List<Long> values = longs(draw("type = uniform, min = -9223372036854775808, max = 9223372036854775807", 1000));

        assertThat(values).anySatisfy(value -> assertThat(value).isNegative());
        assertThat(values).anySatisfy(value -> assertThat(value).isPositive());
    }

    @Test
    void rangeEndingAtLongMaxStaysInside() {
        List<Object> values = draw("type = uniform, min = 9223372036854775805, max = 9223372036854775807", 1000);

        assertThat(values).containsOnly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @Test
    void rangeStartingAtLongMinStaysInside() {
        List<Object> values = draw("type = uniform, min = -9223372036854775808, max = -9223372036854775806", 1000);

        assertThat(values).containsOnly(Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2);
    }

    @Test
    void rangeWiderThanLongStaysInside() {
        List<Long> values = longs(draw("type = uniform, min = -9223372036854775000, max = 9223372036854775000", 1000));

        assertThat(values)
                .allSatisfy(value -> assertThat(value).isBetween(-9223372036854775000L, 9223372036854775000L));
        assertThat(values).anySatisfy(value -> assertThat(value).isNegative());
        assertThat(values).anySatisfy(value -> assertThat(value).isPositive());
    }

    @Test
    void equalBoundsGiveThatValue() {
        assertThat(draw("type = uniform, min = 7, max = 7", 10)).containsOnly(7L);
    }

    @Test
    void decimalMeanAndStddevMatch() {
        List<Double> values = doubles(draw("type = uniform, min = -2, max = 8, decimal = true", SAMPLES));
        double stddev = 10 / Math.sqrt(12);

        assertThat(values)
                .allSatisfy(
                        value -> assertThat(value).isGreaterThanOrEqualTo(-2.0).isLessThan(8.0));
        assertThat(Statistics.mean(values)).isCloseTo(3.0, within(Statistics.meanTolerance(stddev, SAMPLES)));
        assertThat(Statistics.stddev(values))
                .isCloseTo(stddev, within(Statistics.stddevTolerance(stddev, 1.8, SAMPLES)));
    }

    @Test
    void fractionalBoundGivesDecimals() {
        List<Object> values = draw("type = uniform, min = 0, max = 2.5", 1000);

        assertThat(values).allSatisfy(value -> assertThat(value).isInstanceOf(Double.class));
    }

    @Test
    void scaleWithWholeNumbersIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = uniform, min = 1, max = 2, scale = 2, decimal = false");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: scale applies only to decimal"
                        + " values; remove scale or set decimal = true");
    }

    @Test
    void scaleRoundsToDecimalPlaces() {
        List<Double> values = doubles(draw("type = uniform, min = 0, max = 10, scale = 2", 1000));

        assertThat(values)
                .allSatisfy(
                        value -> assertThat(BigDecimal.valueOf(value).scale()).isLessThanOrEqualTo(2));
        assertThat(values).allSatisfy(value -> assertThat(value).isBetween(0.0, 10.0));
    }

    @Test
    void scaleKeepsValuesWithinBounds() {
        List<Double> values = doubles(draw("type = uniform, min = 0.001, max = 0.004, scale = 2", 1000));

        assertThat(values).allSatisfy(value -> assertThat(value).isBetween(0.001, 0.004));
    }

    @Test
    void minAboveMaxIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = uniform, min = 10, max = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: min (10) must not be greater"
                        + " than max (1)");
    }

    @Test
    void decimalMinAboveMaxIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = uniform, min = 1.5, max = 1.25");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: min (1.5) must not be greater"
                        + " than max (1.25)");
    }

    @Test
    void missingMaxIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = uniform, min = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.max: missing required key;"
                        + " expected a whole number");
    }

    @Test
    void scaleOutOfRangeIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = uniform, min = 1, max = 2, scale = 16");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.scale: invalid value 16; expected"
                        + " a whole number from 0 to 15");
    }

    @Test
    void textBoundIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = uniform, min = low, max = 2");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.min: invalid value \"low\";"
                        + " expected a number");
    }

    private static List<Object> draw(String hocon, int count) {
        TestGenerators.Created created = TestGenerators.create(new UniformProvider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created.values(new TestGenerationContext(11), count);
    }

    static List<Long> longs(List<Object> values) {
        return values.stream().map(Long.class::cast).toList();
    }

    static List<Double> doubles(List<Object> values) {
        return values.stream().map(Double.class::cast).toList();
    }
}
