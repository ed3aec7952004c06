package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new UuidProvider();
    }

    @Override
    protected String validConfig() {
        return "type = uuid";
    }

    @Test
    void version4HasVersionAndVariantBits() {
        List<UUID> ids = uuids("type = uuid", 1000);

        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
        assertThat(ids).allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void version7StartsWithEventTime() {
        List<UUID> ids = uuids("type = uuid, version = 7", 1000);

        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids).allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
        assertThat(ids.get(0).getMostSignificantBits() >>> 16).isEqualTo(TestGenerationContext.START_TIME);
        assertThat(ids.get(5).getMostSignificantBits() >>> 16).isEqualTo(TestGenerationContext.START_TIME + 5000);
    }

    @Test
    void version7SortsByEventTime() {
        List<String> ids = uuids("type = uuid, version = 7", 1000).stream()
                .map(UUID::toString)
                .toList();

        assertThat(ids).isSorted();
    }

    @Test
    void unsupportedVersionIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = uuid, version = 1");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.version: invalid value 1;"
                        + " expected 4 (random) or 7 (ordered by event time)");
    }

    private List<UUID> uuids(String hocon, int count) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created.values(new TestGenerationContext(4), count).stream()
                .map(value -> UUID.fromString((String) value))
                .toList();
    }
}
