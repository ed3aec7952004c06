package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import org.junit.jupiter.api.Test;

class TimestampProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new TimestampProvider();
    }

    @Override
    protected String validConfig() {
        return "type = timestamp, format = iso-8601";
    }

    @Override
    protected boolean drawsRandomValues() {
        return false;
    }

    @Test
    void epochMillisIsEventTime() {
        assertThat(value("type = timestamp", 1_767_225_600_250L)).isEqualTo(1_767_225_600_250L);
    }

    @Test
    void epochSecondsRoundsDown() {
        assertThat(value("type = timestamp, format = epoch-seconds", 1_767_225_600_999L))
                .isEqualTo(1_767_225_600L);
    }

    @Test
    void isoTextHasMillisInUtc() {
        assertThat(value("type = timestamp, format = iso-8601", 1_767_225_600_250L))
                .isEqualTo("2026-01-01T00:00:00.250Z");
        assertThat(value("type = timestamp, format = iso-8601", 1_767_225_600_000L))
                .isEqualTo("2026-01-01T00:00:00.000Z");
    }

    @Test
    void unknownFormatIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = timestamp, format = rfc-1123");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.format: invalid value rfc-1123;"
                        + " expected epoch-millis, epoch-seconds or iso-8601");
    }

    private Object value(String hocon, long eventTime) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created.next(new TestGenerationContext(1).eventTime(eventTime));
    }
}
