package dev.kafkasim.generators.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import org.junit.jupiter.api.Test;

class ObjectProviderTest extends GeneratorContractTest {
    private static final String LOCATION = String.join(
            "\n",
            "type = object",
            "fields {",
            "  lat { type = uniform, min = 47.0, max = 55.5, scale = 5 }",
            "  lon { type = uniform, min = 5.9, max = 15.0, scale = 5 }",
            "  source { type = constant, value = gps }",
            "}");

    @Override
    protected GeneratorProvider provider() {
        return new ObjectProvider();
    }

    @Override
    protected String validConfig() {
        return LOCATION;
    }

    @Test
    void fieldsFollowDeclaredOrder() {
        RecordValue value =
                (RecordValue) TestGenerators.create(provider(), LOCATION).next(new TestGenerationContext(1));

        assertThat(value.schema().names()).containsExactly("lat", "lon", "source");
        assertThat((Double) value.get("lat")).isBetween(47.0, 55.5);
        assertThat((Double) value.get("lon")).isBetween(5.9, 15.0);
        assertThat(value.get("source")).isEqualTo("gps");
    }

    @Test
    void nestedObjectsNest() {
        RecordValue value = (RecordValue) TestGenerators.create(
                        provider(),
                        "type = object, fields { inner { type = object, fields { x { type = constant, value = 1 } } } }")
                .next(new TestGenerationContext(1));

        assertThat(value.toMap()).isEqualTo(java.util.Map.of("inner", java.util.Map.of("x", 1L)));
    }

    @Test
    void nestedProblemNamesFieldPath() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = object, fields { lat { type = uniform, min = 5, max = 1 } }");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.fields.lat: min (5) must not be"
                        + " greater than max (1)");
    }

    @Test
    void emptyFieldsAreRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = object, fields {}");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.fields: invalid value {}; expected"
                        + " an object of at least one field name to a generator block, such as { lat { type = uniform,"
                        + " min = 47.0, max = 55.0 } }");
    }

    @Test
    void fieldsOnOneLineRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(),
                "type = object\nfields {\n zeta { type = constant, value = 1 }, alpha { type = constant, value = 2 }\n}");

        assertThat(created.rendered())
                .containsExactly(
                        "test.conf:3: simulation.streams.test.fields.value.fields.alpha: fields 'alpha', 'zeta' are"
                                + " declared on one line; HOCON does not keep the order of keys on one line, so put each of"
                                + " these fields on its own line");
    }
}
