package dev.kafkasim.generators.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistical and validation tests of log-normal, exponential and Poisson generators. */
class DistributionProvidersTest {
    private static final int SAMPLES = 100_000;

    @Test
    void logNormalMatchesMeanAndStddev() {
        List<Double> values = doubles("type = log-normal, mean = 120, stddev = 60");
        // The sample standard deviation of a log-normal converges slowly, so only its mean gets a tight check.
        double tolerance = Statistics.meanTolerance(60, SAMPLES);

        assertThat(values).allSatisfy(value -> assertThat(value).isPositive());
        assertThat(Statistics.mean(values)).isCloseTo(120.0, within(tolerance));
        assertThat(Statistics.stddev(values)).isCloseTo(60.0, within(60 * 0.05));
    }

    @Test
    void logNormalMuAndSigmaDescribeLogarithm() {
        List<Double> logs = doubles("type = log-normal, mu = 2, sigma = 0.5").stream()
                .map(Math::log)
                .toList();

        assertThat(Statistics.mean(logs)).isCloseTo(2.0, within(Statistics.meanTolerance(0.5, SAMPLES)));
        assertThat(Statistics.stddev(logs)).isCloseTo(0.5, within(Statistics.stddevTolerance(0.5, 3, SAMPLES)));
    }

    @Test
    void logNormalBothFormsAreRejected() {
        TestGenerators.Created created =
                TestGenerators.create("type = log-normal, mu = 1, sigma = 1, mean = 3, stddev = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: set either mu and sigma (of the"
                        + " logarithm) or mean and stddev (of the values), not both");
    }

    @Test
    void logNormalNegativeSigmaIsRejected() {
        TestGenerators.Created created = TestGenerators.create("type = log-normal, mu = 1, sigma = -0.5");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.sigma: invalid value -0.5;"
                        + " expected a number greater than 0");
    }

    @Test
    void exponentialMatchesMean() {
        List<Double> values = doubles("type = exponential, mean = 4.5");

        assertThat(values).allSatisfy(value -> assertThat(value).isGreaterThanOrEqualTo(0.0));
        assertThat(Statistics.mean(values)).isCloseTo(4.5, within(Statistics.meanTolerance(4.5, SAMPLES)));
        // The exponential distribution has kurtosis 9.
        assertThat(Statistics.stddev(values)).isCloseTo(4.5, within(Statistics.stddevTolerance(4.5, 9, SAMPLES)));
    }

    @Test
    void exponentialRateIsInverseMean() {
        List<Double> values = doubles("type = exponential, rate = 0.5");

        assertThat(Statistics.mean(values)).isCloseTo(2.0, within(Statistics.meanTolerance(2, SAMPLES)));
    }

    @Test
    void exponentialZeroRateIsRejected() {
        TestGenerators.Created created = TestGenerators.create("type = exponential, rate = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.rate: invalid value 0; expected"
                        + " a number greater than 0");
    }

    @Test
    void poissonSmallMeanMatches() {
        List<Long> values = longs("type = poisson, mean = 2.5");

        assertThat(values).allSatisfy(value -> assertThat(value).isNotNegative());
        assertThat(Statistics.mean(values)).isCloseTo(2.5, within(Statistics.meanTolerance(Math.sqrt(2.5), SAMPLES)));
        assertThat(Statistics.stddev(values))
                .isCloseTo(Math.sqrt(2.5), within(Statistics.stddevTolerance(Math.sqrt(2.5), 3 + 1 / 2.5, SAMPLES)));
    }

    @Test
    void poissonLargeMeanMatches() {
        List<Long> values = longs("type = poisson, mean = 400");

        assertThat(Statistics.mean(values)).isCloseTo(400.0, within(Statistics.meanTolerance(20, SAMPLES)));
        assertThat(Statistics.stddev(values)).isCloseTo(20.0, within(Statistics.stddevTolerance(20, 3, SAMPLES)));
    }

    @Test
    void poissonMediumMeanFollowsProbabilities() {
        double mean = 35;
        List<Long> values = longs("type = poisson, mean = 35");
        // Cells 0..19, then each count from 20 to 50, then 51 and above.
        long[] counts = new long[33];
        double[] probabilities = new double[33];
        for (long value : values) {
            counts[(int) Math.max(0, Math.min(32, value - 19))]++;
        }
        for (int k = 0; k <= 200; k++) {
            double probability = Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
            probabilities[Math.max(0, Math.min(32, k - 19))] += probability;
        }

        assertThat(Statistics.chiSquare(counts, probabilities)).isLessThan(Statistics.chiSquareCritical(32));
    }

    @Test
    void poissonHugeMeanIsRejected() {
        TestGenerators.Created created = TestGenerators.create("type = poisson, mean = 1e13");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.mean: invalid value"
                        + " 10000000000000; expected a number greater than 0 and at most 10^12");
    }

    private static double logFactorial(int k) {
        double sum = 0;
        for (int i = 2; i <= k; i++) {
            sum += Math.log(i);
        }
        return sum;
    }

    private static List<Object> draw(String hocon) {
        TestGenerators.Created created = TestGenerators.create(hocon);
        assertThat(created.rendered()).isEmpty();
        return created.values(new TestGenerationContext(31), SAMPLES);
    }

    private static List<Double> doubles(String hocon) {
        return UniformProviderTest.doubles(draw(hocon));
    }

    private static List<Long> longs(String hocon) {
        return UniformProviderTest.longs(draw(hocon));
    }
}
