package dev.kafkasim.generators.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new ArrayProvider();
    }

    @Override
    protected String validConfig() {
        return "type = array, min-length = 0, max-length = 4, items { type = one-of, values = [new, sale, eco] }";
    }

    @Test
    void rangedLengthCoversRange() {
        List<Object> arrays = create(validConfig()).values(new TestGenerationContext(1), 1000);

        assertThat(arrays).allSatisfy(array -> assertThat((List<?>) array).hasSizeBetween(0, 4));
        assertThat(arrays.stream().map(array -> ((List<?>) array).size()).distinct())
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void fixedLengthIsExact() {
        List<Object> arrays =
                create("type = array, length = 3, items { type = uuid }").values(new TestGenerationContext(1), 100);

        assertThat(arrays).allSatisfy(array -> assertThat((List<?>) array).hasSize(3));
    }

    @Test
    void generatedLengthIsUsed() {
        List<Object> arrays = create("type = array, length { type = poisson, mean = 2 }, items { type = boolean }")
                .values(new TestGenerationContext(1), 1000);

        assertThat(arrays.stream()
                        .mapToInt(array -> ((List<?>) array).size())
                        .average()
                        .orElseThrow())
                .isBetween(1.8, 2.2);
    }

    @Test
    void badGeneratedLengthFailsNamingPath() {
        TestGenerators.Created created =
                create("type = array, length { type = constant, value = -1 }, items { type = boolean }");

        assertThatThrownBy(() -> created.next(new TestGenerationContext(1)))
                .isInstanceOf(KafkasimException.class)
                .hasMessage("simulation.streams.test.fields.value.length: the length generator returned -1; expected"
                        + " a whole number from 0 to 100000");
    }

    @Test
    void minLengthAboveMaxIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = array, min-length = 5, max-length = 2, items { type = boolean }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: min-length (5) must not be"
                        + " greater than max-length (2)");
    }

    @Test
    void missingLengthIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = array, items { type = boolean }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: missing the array length; set"
                        + " length (a whole number or a generator block) or min-length and max-length");
    }

    @Test
    void lengthAboveLimitIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = array, length = 1000000, items { type = boolean }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.length: invalid value 1000000;"
                        + " expected a whole number from 0 to 100000");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }
}
