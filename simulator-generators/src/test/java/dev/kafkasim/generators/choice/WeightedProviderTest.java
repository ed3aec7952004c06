package dev.kafkasim.generators.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedProviderTest extends GeneratorContractTest {
    private static final int SAMPLES = 100_000;

    @Override
    protected GeneratorProvider provider() {
        return new WeightedProvider();
    }

    @Override
    protected String validConfig() {
        return "type = weighted, values { OK = 97, WARN = 2.5, FAIL = 0.5 }";
    }

    @Test
    void frequenciesFollowWeights() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = weighted\nvalues {\n  OK = 90\n  WARN = 7.5\n  FAIL = 2.5\n}");
        List<Object> values = created.values(new TestGenerationContext(17), SAMPLES);
        long[] counts = {
            values.stream().filter("OK"::equals).count(),
            values.stream().filter("WARN"::equals).count(),
            values.stream().filter("FAIL"::equals).count()
        };

        assertThat(values).containsOnly("OK", "WARN", "FAIL");
        assertThat(Statistics.chiSquare(counts, new double[] {0.9, 0.075, 0.025}))
                .isLessThan(Statistics.chiSquareCritical(2));
    }

    @Test
    void singleValueIsAlwaysChosen() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = weighted, values { ONLY = 1 }");

        assertThat(created.values(new TestGenerationContext(1), 100)).containsOnly("ONLY");
    }

    @Test
    void zeroWeightIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = weighted, values { A = 1, B = 0 }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.values.B: invalid value 0;"
                        + " expected a number greater than 0");
    }

    @Test
    void textWeightIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = weighted, values { A = 1, B = lots }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.values.B: invalid value"
                        + " \"lots\"; expected a number");
    }

    @Test
    void emptyValuesAreRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = weighted, values {}");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.values: invalid value {};"
                        + " expected at least one name with a weight, such as { OK = 97, FAIL = 3 }");
    }

    @Test
    void missingValuesAreRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = weighted");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.values: missing required key;"
                        + " expected an object of names to numbers");
    }
}
