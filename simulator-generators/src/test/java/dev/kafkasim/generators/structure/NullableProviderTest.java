package dev.kafkasim.generators.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class NullableProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new NullableProvider();
    }

    @Override
    protected String validConfig() {
        return "type = nullable, fraction = 0.25, of { type = uniform, min = 1, max = 9 }";
    }

    @Test
    void nullFractionMatches() {
        List<Object> values =
                TestGenerators.create(provider(), validConfig()).values(new TestGenerationContext(3), 100_000);
        double fraction = values.stream().filter(Objects::isNull).count() / 100_000.0;

        assertThat(fraction).isCloseTo(0.25, within(Statistics.meanTolerance(Math.sqrt(0.25 * 0.75), 100_000)));
        assertThat(values.stream().filter(Objects::nonNull).toList())
                .allSatisfy(value -> assertThat((Long) value).isBetween(1L, 9L));
    }

    @Test
    void fractionAboveOneIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = nullable, fraction = 2, of { type = uuid }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.fraction: invalid value 2;"
                        + " expected a probability from 0 to 1");
    }

    @Test
    void nestedProblemNamesNestedPath() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = nullable, of { type = normal, mean = 1, stddev = 0 }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.of.stddev: invalid value 0;"
                        + " expected a number greater than 0");
    }

    @Test
    void missingNestedGeneratorIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = nullable, fraction = 0.5");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.of: invalid value nothing;"
                        + " expected a generator block such as { type = uniform, min = 0, max = 10 }");
    }
}
