package dev.kafkasim.generators.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import org.junit.jupiter.api.Test;

class MarkovProviderTest extends GeneratorContractTest {
    private static final String PAGES = String.join(
            "\n",
            "type = markov",
            "initial { home = 0.7, search = 0.3 }",
            "transitions {",
            "  home { search = 0.6, product = 0.3, exit = 0.1 }",
            "  search { product = 0.8, exit = 0.2 }",
            "  product { cart = 0.3, home = 0.5, exit = 0.2 }",
            "  cart { exit = 1 }",
            "}");

    @Override
    protected GeneratorProvider provider() {
        return new MarkovProvider();
    }

    @Override
    protected String validConfig() {
        return PAGES;
    }

    @Test
    void transitionsFollowProbabilities() {
        TestGenerators.Created created = create(PAGES);
        TestGenerationContext context = new TestGenerationContext(12).key("user");
        long[] afterHome = new long[3];
        String previous = (String) created.next(context);
        for (int i = 0; i < 300_000; i++) {
            String state = (String) created.next(context);
            if (previous.equals("home")) {
                afterHome[state.equals("search") ? 0 : state.equals("product") ? 1 : 2]++;
            }
            previous = state;
        }

        assertThat(afterHome[0] + afterHome[1] + afterHome[2]).isGreaterThan(10_000);
        assertThat(Statistics.chiSquare(afterHome, new double[] {0.6, 0.3, 0.1}))
                .isLessThan(Statistics.chiSquareCritical(2));
    }

    @Test
    void terminalStateStartsNewSession() {
        TestGenerators.Created created =
                create("type = markov, initial { a = 1 }, transitions { a { b = 1 }, b { end = 1 } }");
        TestGenerationContext context = new TestGenerationContext(1).key("user");

        assertThat(created.values(context, 7)).containsExactly("a", "b", "end", "a", "b", "end", "a");
    }

    @Test
    void keepsOneStatePerKey() {
        TestGenerators.Created created = create("type = markov, initial { a = 1 }, transitions { a { b = 1 } }");
        TestGenerationContext context = new TestGenerationContext(1);

        Object first = created.next(context.key("user-1"));
        Object second = created.next(context.key("user-1"));
        Object other = created.next(context.key("user-2"));

        assertThat(first).isEqualTo("a");
        assertThat(second).isEqualTo("b");
        assertThat(other).isEqualTo("a");
    }

    @Test
    void rowNotAddingToOneIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = markov, initial { a = 1 }, transitions { a { b = 0.5, c = 0.3 } }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.transitions.a: invalid value 0.8"
                        + " in total; expected probabilities that add up to 1");
    }

    @Test
    void probabilityAboveOneIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = markov, initial { a = 1 }, transitions { a { b = 1.5, c = -0.5 } }");

        assertThat(created.rendered())
                .containsExactly(
                        "test.conf:1: simulation.streams.test.fields.value.transitions.a.b: invalid value 1.5;"
                                + " expected a probability from 0 to 1",
                        "test.conf:1: simulation.streams.test.fields.value.transitions.a.c: invalid value -0.5;"
                                + " expected a probability from 0 to 1");
    }

    @Test
    void undeclaredStateIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = markov, states = [a, b], initial { a = 1 }, transitions { a { bb = 1 } }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.transitions.a.bb: invalid value"
                        + " bb; expected a state listed in states [a, b]");
    }

    @Test
    void zeroInitialWeightIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = markov, initial { a = 0 }, transitions { a { a = 1 } }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.initial.a: invalid value 0;"
                        + " expected a number greater than 0");
    }

    @Test
    void missingInitialIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = markov");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.initial: missing required key;"
                        + " expected an object of names to numbers");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }
}
