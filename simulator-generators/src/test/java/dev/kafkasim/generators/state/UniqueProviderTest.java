package dev.kafkasim.generators.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UniqueProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new UniqueProvider();
    }

    @Override
    protected String validConfig() {
        return "type = unique, min = 1, max = 1000000, count = 1000";
    }

    @Test
    void rangeValuesAreDistinct() {
        List<Object> values =
                create("type = unique, min = 1, max = 200000").values(new TestGenerationContext(2), 100_000);

        assertThat(values).doesNotHaveDuplicates();
        assertThat(values).allSatisfy(value -> assertThat((Long) value).isBetween(1L, 200_000L));
    }

    @Test
    void exhaustingRangeGivesPermutation() {
        List<Object> values = create("type = unique, min = 10, max = 1009").values(new TestGenerationContext(2), 1000);

        assertThat(values)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(10, 1009).boxed().toList());
    }

    @Test
    void exhaustedRangeFailsNamingPath() {
        TestGenerators.Created created = create("type = unique, min = 1, max = 3");
        TestGenerationContext context = new TestGenerationContext(2);
        created.values(context, 3);

        assertThatThrownBy(() -> created.next(context))
                .isInstanceOf(KafkasimException.class)
                .hasMessage("simulation.streams.test.fields.value: every value of the range (3 values) was already"
                        + " used; widen min and max");
    }

    @Test
    void fullLongRangeGivesDistinctValues() {
        List<Object> values = create("type = unique, min = -9223372036854775808, max = 9223372036854775807")
                .values(new TestGenerationContext(2), 10_000);

        assertThat(values).doesNotHaveDuplicates();
    }

    @Test
    void countAboveRangeIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = unique, min = 1, max = 100, count = 500");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: count (500) is more than the 100"
                        + " values from min (1) to max (100); widen the range or lower count");
    }

    @Test
    void wrappedGeneratorValuesAreDistinct() {
        List<Object> values = create("type = unique, of { type = pattern, format = \"u%d\", cardinality = 10000 }")
                .values(new TestGenerationContext(2), 1000);

        assertThat(values).doesNotHaveDuplicates().hasSize(1000);
    }

    @Test
    void exhaustedWrappedGeneratorFails() {
        TestGenerators.Created created =
                create("type = unique, max-attempts = 50, of { type = one-of, values = [a, b] }");
        TestGenerationContext context = new TestGenerationContext(2);
        created.values(context, 2);

        assertThatThrownBy(() -> created.next(context))
                .isInstanceOf(KafkasimException.class)
                .hasMessage("simulation.streams.test.fields.value: the nested generator repeated an earlier value 50"
                        + " times in a row after 2 unique values; give it more distinct values or raise"
                        + " max-attempts");
    }

    @Test
    void rangeAndNestedAreRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = unique, min = 1, max = 5, of { type = uuid }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: set either min and max (a range"
                        + " of whole numbers) or of (a nested generator), not both");
    }

    @Test
    void missingSourceIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = unique");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: missing the values to draw from;"
                        + " set min and max (a range of whole numbers) or of (a nested generator)");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }
}
