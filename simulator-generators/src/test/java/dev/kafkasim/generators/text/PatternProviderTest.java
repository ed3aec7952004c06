package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new PatternProvider();
    }

    @Override
    protected String validConfig() {
        return "type = pattern, format = \"sensor-%04d\", cardinality = 300";
    }

    @Test
    void randomIdsCoverCardinalityEvenly() {
        List<Object> values = create("type = pattern, format = \"sensor-%04d\", cardinality = 300")
                .values(new TestGenerationContext(2), 300_000);
        long[] counts = new long[300];
        for (Object value : values) {
            counts[Integer.parseInt(((String) value).substring("sensor-".length()))]++;
        }
        double[] probabilities = new double[300];
        Arrays.fill(probabilities, 1.0 / 300);

        assertThat(values).allSatisfy(value -> assertThat((String) value).matches("sensor-0[0-2]\\d\\d"));
        assertThat(counts).doesNotContain(0L);
        assertThat(Statistics.chiSquare(counts, probabilities)).isLessThan(Statistics.chiSquareCritical(299));
    }

    @Test
    void sequentialIdsCountAndWrap() {
        List<Object> values = create("type = pattern, format = \"user-%d\", cardinality = 3, order = sequential")
                .values(new TestGenerationContext(2), 5);

        assertThat(values).containsExactly("user-0", "user-1", "user-2", "user-0", "user-1");
    }

    @Test
    void largeCardinalityFormatsUncachedIds() {
        List<Object> values = create("type = pattern, format = \"%x\", cardinality = 10000000000")
                .values(new TestGenerationContext(2), 1000);

        assertThat(values)
                .allSatisfy(
                        value -> assertThat(Long.parseLong((String) value, 16)).isBetween(0L, 9_999_999_999L));
    }

    @Test
    void invalidFormatIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = pattern, format = \"id-%q\", cardinality = 3");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.format: invalid value \"id-%q\";"
                        + " expected a java.util.Formatter format taking one whole number, such as sensor-%04d"
                        + " (Conversion = 'q')");
    }

    @Test
    void formatWithoutConversionIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = pattern, format = sensor, cardinality = 3");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.format: invalid value"
                        + " \"sensor\"; expected a format with a conversion for the id, such as sensor-%04d");
    }

    @Test
    void zeroCardinalityIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = pattern, format = \"s-%d\", cardinality = 0");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.cardinality: invalid value 0;"
                        + " expected a whole number of at least 1");
    }

    @Test
    void unknownOrderIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = pattern, format = \"s-%d\", cardinality = 3, order = shuffled");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.order: invalid value shuffled;"
                        + " expected random or sequential");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }
}
