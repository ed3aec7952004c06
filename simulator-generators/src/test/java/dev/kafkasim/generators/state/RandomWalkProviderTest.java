package dev.kafkasim.generators.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWalkProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new RandomWalkProvider();
    }

    @Override
    protected String validConfig() {
        return "type = random-walk, start = 21.5, step = 0.2, min = -10, max = 45";
    }

    @Test
    void firstValueIsStart() {
        TestGenerators.Created created = create("type = random-walk, start = 21.5, step = 0.2");

        assertThat(created.next(new TestGenerationContext(1))).isEqualTo(21.5);
    }

    @Test
    void movesAtMostStepPlusDrift() {
        List<Double> values = walk("type = random-walk, start = 0, step = 0.5, drift = 0.25", 10_000);

        for (int i = 1; i < values.size(); i++) {
            double move = values.get(i) - values.get(i - 1);
            assertThat(move).isBetween(-0.25, 0.75);
        }
    }

    @Test
    void driftMovesTheMean() {
        List<Double> values = walk("type = random-walk, start = 0, step = 1, drift = 0.1", 10_001);
        // The sum of 10,000 uniform moves on [-1, 1] has a standard deviation of sqrt(10,000 / 3), about 58.
        double tolerance = 4 * Math.sqrt(10_000 / 3.0);

        assertThat(values.get(10_000)).isCloseTo(1000.0, within(tolerance));
    }

    @Test
    void keepsOneWalkPerKey() {
        TestGenerators.Created created = create("type = random-walk, start = 50, step = 5");
        TestGenerationContext context = new TestGenerationContext(3);

        Object first = created.next(context.key("a"));
        created.next(context.key("a"));
        Object other = created.next(context.key("b"));

        assertThat(first).isEqualTo(50.0);
        assertThat(other).isEqualTo(50.0);
    }

    @Test
    void reflectStaysWithinBounds() {
        List<Double> values = walk("type = random-walk, start = 0, step = 3, min = -1, max = 1", 10_000);

        assertThat(values).allSatisfy(value -> assertThat(value).isBetween(-1.0, 1.0));
    }

    @Test
    void reflectStaysWithinBoundsWithDrift() {
        List<Double> values = walk("type = random-walk, start = 0, step = 0.1, drift = 5, min = 0, max = 1", 1000);

        assertThat(values).allSatisfy(value -> assertThat(value).isBetween(0.0, 1.0));
    }

    @Test
    void clampHoldsAtBound() {
        List<Double> values = walk("type = random-walk, start = 0, step = 0.1, drift = 1, max = 3, mode = clamp", 100);

        assertThat(values).allSatisfy(value -> assertThat(value).isLessThanOrEqualTo(3.0));
        assertThat(values.subList(10, 100)).containsOnly(3.0);
    }

    @Test
    void badModeIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = random-walk, start = 0, step = 1, mode = bounce");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.mode: invalid value bounce;"
                        + " expected reflect or clamp");
    }

    @Test
    void startOutsideBoundsIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = random-walk, start = 50, step = 1, min = 0, max = 45");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.start: invalid value 50; expected"
                        + " a number from min to max");
    }

    @Test
    void negativeStepIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = random-walk, start = 0, step = -1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.step: invalid value -1; expected"
                        + " a number greater than 0");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }

    private List<Double> walk(String hocon, int count) {
        TestGenerators.Created created = create(hocon);
        TestGenerationContext context = new TestGenerationContext(9).key("device-1");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add((Double) created.next(context));
        }
        return values;
    }
}
