package dev.kafkasim.generators.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import org.junit.jupiter.api.Test;

class SequenceProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new SequenceProvider();
    }

    @Override
    protected String validConfig() {
        return "type = sequence, start = 10, step = 5";
    }

    @Override
    protected boolean drawsRandomValues() {
        return false;
    }

    @Test
    void countsFromStartByStep() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence, start = 10, step = 5");

        assertThat(created.values(new TestGenerationContext(1), 4)).containsExactly(10L, 15L, 20L, 25L);
    }

    @Test
    void defaultsCountFromZero() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence");

        assertThat(created.values(new TestGenerationContext(1), 3)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void negativeStepCountsDown() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence, start = 0, step = -2");

        assertThat(created.values(new TestGenerationContext(1), 3)).containsExactly(0L, -2L, -4L);
    }

    @Test
    void wrapRestartsAtStart() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence, start = 1, wrap = 3");

        assertThat(created.values(new TestGenerationContext(1), 7)).containsExactly(1L, 2L, 3L, 1L, 2L, 3L, 1L);
    }

    @Test
    void zeroStepIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence, step = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.step: invalid value 0; expected"
                        + " a whole number other than 0");
    }

    @Test
    void wrapBelowOneIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = sequence, wrap = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.wrap: invalid value 0; expected"
                        + " a whole number of at least 1");
    }

    @Test
    void wrapPastLongRangeIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = sequence, start = 9223372036854775000, step = 10, wrap = 1000");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: the last value before wrapping,"
                        + " start + step * (wrap - 1) = 9223372036854775000 + 10 * 999, is outside the range of a"
                        + " 64-bit whole number");
    }

    @Test
    void overflowFailsNamingPath() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = sequence, start = 9223372036854775806");
        TestGenerationContext context = new TestGenerationContext(1);
        created.values(context, 2);

        assertThatThrownBy(() -> created.next(context))
                .isInstanceOf(KafkasimException.class)
                .hasMessage("simulation.streams.test.fields.value: sequence passed the range of a 64-bit whole"
                        + " number after 2 values; lower start or step, or set wrap");
    }
}
