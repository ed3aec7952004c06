package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import org.junit.jupiter.api.Test;

class TemplateProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new TemplateProvider();
    }

    @Override
    protected String validConfig() {
        return "type = template, template = \"${device_id}-${seq}\"";
    }

    @Override
    protected boolean drawsRandomValues() {
        return false;
    }

    @Test
    void referencesEarlierFieldsAndSequence() {
        TestGenerators.Created created = TestGenerators.create(provider(), validConfig());
        TestGenerationContext context =
                new TestGenerationContext(1).sequence(41).field("device_id", "sensor-0007");

        assertThat(created.next(context)).isEqualTo("sensor-0007-41");
    }

    @Test
    void referencesRecordProperties() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = template, template = \"${stream}/${key}@${event-time} costs $$5\"");
        TestGenerationContext context = new TestGenerationContext(1).key("k1").eventTime(1000);

        assertThat(created.next(context)).isEqualTo("test/k1@1000 costs $5");
    }

    @Test
    void missingFieldRendersNull() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = template, template = \"id-${nope}\"");

        assertThat(created.next(new TestGenerationContext(1))).isEqualTo("id-null");
    }

    @Test
    void unclosedReferenceIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = template, template = \"a-${b\"");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.template: invalid value"
                        + " \"a-${b\"; expected a template such as \"${device_id}-${seq}\" (${ at position 2 has no"
                        + " closing })");
    }

    @Test
    void emptyReferenceIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = template, template = \"${}\"");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.template: invalid value \"${}\";"
                        + " expected a template such as \"${device_id}-${seq}\" (empty reference ${} at position 0)");
    }

    @Test
    void laterFieldIsRejectedAtLoad() {
        String scenario = """
                simulation.streams.s {
                  fields {
                    label { type = template, template = "${device}-${seq}" }
                    device { type = constant, value = d1 }
                  }
                }
                """;

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "template.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("template.conf:3: simulation.streams.s.fields.label.template: invalid value"
                        + " \"${device}-${seq}\"; expected references to fields declared before this one (none) or to"
                        + " seq, key, stream, event-time: field 'device' is declared after 'label'; a template reads"
                        + " only fields declared before it");
    }

    @Test
    void unknownFieldIsRejectedAtLoad() {
        String scenario = """
                simulation.streams.s {
                  fields {
                    device { type = constant, value = d1 }
                    label { type = template, template = "${devise}" }
                  }
                }
                """;

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "template.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(device) or to seq, key, stream, event-time: unknown field 'devise'");
    }
}
