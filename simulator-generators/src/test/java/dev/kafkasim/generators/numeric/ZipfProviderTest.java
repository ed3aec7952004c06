package dev.kafkasim.generators.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.internal.ZipfSampler;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfProviderTest extends GeneratorContractTest {
    private static final int SAMPLES = 200_000;

    @Override
    protected GeneratorProvider provider() {
        return new ZipfProvider();
    }

    @Override
    protected String validConfig() {
        return "type = zipf, cardinality = 1000, exponent = 1.1";
    }

    @Test
    void tableRanksFollowZipf() {
        assertRanksFollowZipf(ZipfSampler.create(1000, 1.1), 1000, 1.1);
    }

    @Test
    void rejectionInversionRanksFollowZipf() {
        assertRanksFollowZipf(ZipfSampler.rejectionInversion(1000, 1.1), 1000, 1.1);
    }

    @Test
    void rejectionInversionHandlesExponentOne() {
        assertRanksFollowZipf(ZipfSampler.rejectionInversion(500, 1.0), 500, 1.0);
    }

    @Test
    void rejectionInversionHandlesSmallExponent() {
        assertRanksFollowZipf(ZipfSampler.rejectionInversion(200, 0.5), 200, 0.5);
    }

    @Test
    void largeCardinalityStaysInRange() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = zipf, cardinality = 1000000000000, exponent = 1.2");

        assertThat(created.values(new TestGenerationContext(3), 10_000))
                .allSatisfy(rank -> assertThat((Long) rank).isBetween(1L, 1_000_000_000_000L));
    }

    @Test
    void formatGivesText() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = zipf, cardinality = 100, format = \"product-%03d\"");

        assertThat(created.values(new TestGenerationContext(3), 1000))
                .allSatisfy(value -> assertThat((String) value).matches("product-(0\\d\\d|100)"));
    }

    @Test
    void formattedTextMatchesRanksOfSameSeed() {
        String block = "type = zipf, cardinality = 100000, exponent = 0.8";
        List<Object> ranks = TestGenerators.create(provider(), block).values(new TestGenerationContext(5), 2000);
        List<Object> texts = TestGenerators.create(provider(), block + ", format = \"p-%06d\"")
                .values(new TestGenerationContext(5), 2000);

        for (int i = 0; i < ranks.size(); i++) {
            assertThat(texts.get(i)).isEqualTo(String.format(java.util.Locale.ROOT, "p-%06d", (Long) ranks.get(i)));
        }
        assertThat(ranks).anySatisfy(rank -> assertThat((Long) rank).isGreaterThan(65_536L));
    }

    @Test
    void zeroExponentIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = zipf, cardinality = 10, exponent = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.exponent: invalid value 0;"
                        + " expected a number greater than 0");
    }

    @Test
    void missingCardinalityIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = zipf");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.cardinality: missing required"
                        + " key; expected a whole number");
    }

    private static void assertRanksFollowZipf(ZipfSampler sampler, int n, double exponent) {
        SplittableRandom random = new SplittableRandom(5);
        // Ranks 1..29 get a cell each; the long tail shares one cell, so that every cell expects enough draws.
        int cells = 30;
        long[] counts = new long[cells];
        for (int i = 0; i < SAMPLES; i++) {
            long rank = sampler.sample(random);
            assertThat(rank).isBetween(1L, (long) n);
            counts[(int) Math.min(rank, cells) - 1]++;
        }
        double[] probabilities = new double[cells];
        for (int rank = 1; rank <= n; rank++) {
            probabilities[Math.min(rank, cells) - 1] += ZipfSampler.probability(rank, n, exponent);
        }

        assertThat(Statistics.chiSquare(counts, probabilities)).isLessThan(Statistics.chiSquareCritical(cells - 1));
    }
}
