package dev.kafkasim.generators.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new ConstantProvider();
    }

    @Override
    protected String validConfig() {
        return "type = constant, value = eu-west-1";
    }

    @Override
    protected boolean drawsRandomValues() {
        return false;
    }

    @Test
    void scalarValuesKeepTheirType() {
        assertThat(value("value = 3")).isEqualTo(3L);
        assertThat(value("value = 2.5")).isEqualTo(2.5);
        assertThat(value("value = true")).isEqualTo(true);
        assertThat(value("value = \"eu-west\"")).isEqualTo("eu-west");
    }

    @Test
    void nullValueGivesNull() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = constant, value = null");

        assertThat(created.rendered()).isEmpty();
        assertThat(created.next(new TestGenerationContext(1))).isNull();
    }

    @Test
    void listValueGivesList() {
        assertThat(value("value = [1, two, 3.5]")).isEqualTo(List.of(1L, "two", 3.5));
    }

    @Test
    void objectValueGivesRecordValue() {
        Object value = value("value {\n  region = eu\n  zone = 3\n}");

        assertThat(value).isInstanceOf(RecordValue.class);
        assertThat(((RecordValue) value).toMap()).isEqualTo(Map.of("region", "eu", "zone", 3L));
        assertThat(((RecordValue) value).schema().names()).containsExactly("region", "zone");
    }

    @Test
    void missingValueIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = constant");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value: missing required key 'value';"
                        + " expected a value of any type, such as 3, \"eu-west\", true or null");
    }

    private Object value(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = constant\n" + hocon);
        assertThat(created.rendered()).isEmpty();
        return created.next(new TestGenerationContext(1));
    }
}
