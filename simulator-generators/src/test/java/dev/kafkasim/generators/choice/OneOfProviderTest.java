package dev.kafkasim.generators.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneOfProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new OneOfProvider();
    }

    @Override
    protected String validConfig() {
        return "type = one-of, values = [eu-west, eu-central, us-east]";
    }

    @Test
    void valuesAreEquallyLikely() {
        List<Object> values = TestGenerators.create(provider(), "type = one-of, values = [a, b, c, d]")
                .values(new TestGenerationContext(6), 100_000);
        long[] counts = {
            values.stream().filter("a"::equals).count(),
            values.stream().filter("b"::equals).count(),
            values.stream().filter("c"::equals).count(),
            values.stream().filter("d"::equals).count()
        };

        assertThat(Statistics.chiSquare(counts, new double[] {0.25, 0.25, 0.25, 0.25}))
                .isLessThan(Statistics.chiSquareCritical(3));
    }

    @Test
    void valuesKeepTheirType() {
        List<Object> values = TestGenerators.create(provider(), "type = one-of, values = [1, 2.5, true, x]")
                .values(new TestGenerationContext(6), 1000);

        assertThat(values).containsOnly(1L, 2.5, true, "x");
    }

    @Test
    void emptyListIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = one-of, values = []");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.values: invalid value []; expected"
                        + " a list of at least one value, such as [eu-west, eu-central]");
    }

    @Test
    void missingValuesAreRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = one-of");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: missing required key 'values';"
                        + " expected a list such as [eu-west, eu-central]");
    }
}
