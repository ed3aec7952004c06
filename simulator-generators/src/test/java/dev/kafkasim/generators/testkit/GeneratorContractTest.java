package dev.kafkasim.generators.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that every generator must pass. A plugin's test extends this class and supplies its provider and a valid
 * configuration block; it inherits these tests:
 *
 * <ul>
 *   <li>the valid block creates a generator without problems;
 *   <li>the same seed gives the same values;
 *   <li>a different seed gives different values, for generators that draw randomness;
 *   <li>an unknown parameter is rejected, naming its path;
 *   <li>two instances share no state, so that calls to one do not change the values of the other;
 *   <li>every value is of the type the generator declares on its spec.
 * </ul>
 *
 * <p>Values are drawn from a {@link TestGenerationContext} whose key cycles through a few entities, so that
 * generators that keep state per key are exercised too.
 *
 * <pre>{@code
 * class MyGeneratorContractTest extends GeneratorContractTest {
 *     protected GeneratorProvider provider() { return new MyProvider(); }
 *     protected String validConfig() { return "type = my-type, size = 3"; }
 * }
 * }</pre>
 */
public abstract class GeneratorContractTest {
    /** The number of values each check draws. */
    protected static final int DRAWS = 200;

    /** Returns the provider under test. */
    protected abstract GeneratorProvider provider();

    /** Returns a valid block for the provider, without braces, such as {@code type = normal, mean = 0, stddev = 1}. */
    protected abstract String validConfig();

    /**
     * Returns whether the generator's values depend on the seed. Generators whose values depend only on the record
     * (constants, sequences, timestamps) return {@code false}, and their values must then be the same for any seed.
     */
    protected boolean drawsRandomValues() {
        return true;
    }

    /** Sets the record-dependent parts of the context before draw {@code index}; by default, a key among five. */
    protected void prepare(TestGenerationContext context, int index) {
        context.key("entity-" + index % 5);
    }

    @Test
    void validConfigHasNoProblems() {
        TestGenerators.Created created = TestGenerators.create(provider(), validConfig());

        assertThat(created.rendered()).isEmpty();
    }

    @Test
    void sameSeedGivesSameValues() {
        List<Object> first = draw(42);
        List<Object> second = draw(42);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedGivesDifferentValues() {
        assumeTrue(drawsRandomValues(), "values do not depend on the seed");

        List<Object> first = draw(42);
        List<Object> second = draw(43);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void seedDoesNotChangeNonRandomValues() {
        assumeTrue(!drawsRandomValues(), "values depend on the seed");

        List<Object> first = draw(42);
        List<Object> second = draw(43);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void unknownParameterIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), validConfig() + "\nunknown-parameter-xyz = 1");

        assertThat(created.rendered())
                .singleElement()
                .asString()
                .startsWith(TestGenerators.ORIGIN + ":")
                .contains(TestGenerators.PATH + ".unknown-parameter-xyz: unknown key");
    }

    @Test
    void twoInstancesShareNoState() {
        List<Object> alone = draw(42);
        TestGenerators.Created first = createValid();
        TestGenerators.Created second = createValid();
        TestGenerationContext firstContext = new TestGenerationContext(42);
        TestGenerationContext secondContext = new TestGenerationContext(7);

        List<Object> interleaved = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            prepare(firstContext, i);
            prepare(secondContext, DRAWS - i);
            interleaved.add(first.next(firstContext));
            second.next(secondContext);
            second.next(secondContext);
            firstContext.advance();
            secondContext.advance();
        }

        assertThat(interleaved).isEqualTo(alone);
    }

    @Test
    void valuesMatchDeclaredType() {
        ValueType declared = createValid().spec().declaredType();

        List<Object> values = draw(42);

        for (int i = 0; i < values.size(); i++) {
            assertThat(declared.accepts(values.get(i)))
                    .as("value %d (%s) is of the declared type %s", i, values.get(i), declared)
                    .isTrue();
        }
    }

    /** Returns {@link #DRAWS} values from a new instance with a context seeded with {@code seed}. */
    protected final List<Object> draw(long seed) {
        TestGenerators.Created created = createValid();
        TestGenerationContext context = new TestGenerationContext(seed);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            prepare(context, i);
            values.add(created.next(context));
            context.advance();
        }
        return values;
    }

    private TestGenerators.Created createValid() {
        TestGenerators.Created created = TestGenerators.create(provider(), validConfig());
        assertThat(created.rendered()).as("problems with the valid config").isEmpty();
        return created;
    }
}
