package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakerProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new FakerProvider();
    }

    @Override
    protected String validConfig() {
        return "type = faker, expression = \"#{Name.fullName}\"";
    }

    @Test
    void expressionGivesVariedText() {
        List<Object> names = TestGenerators.create(provider(), validConfig()).values(new TestGenerationContext(1), 100);

        assertThat(names).allSatisfy(name -> assertThat((String) name).contains(" "));
        assertThat(names.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void localeChangesText() {
        List<Object> english = TestGenerators.create(provider(), "type = faker, expression = \"#{Address.country}\"")
                .values(new TestGenerationContext(1), 50);
        List<Object> german = TestGenerators.create(
                        provider(), "type = faker, expression = \"#{Address.country}\", locale = de")
                .values(new TestGenerationContext(1), 50);

        assertThat(german).isNotEqualTo(english);
    }

    @Test
    void unknownExpressionIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = faker, expression = \"#{Name.noSuchMethod}\"");

        assertThat(created.rendered())
                .singleElement()
                .asString()
                .startsWith("test.conf:1: simulation.streams.test.fields.value.expression: invalid value"
                        + " \"#{Name.noSuchMethod}\"; expected a Datafaker expression such as #{Name.fullName} (");
    }

    @Test
    void malformedLocaleIsRejected() {
        TestGenerators.Created created = TestGenerators.create(
                provider(), "type = faker, expression = \"#{Name.fullName}\", locale = \"en_??\"");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.locale: invalid value en_??;"
                        + " expected a language tag such as en, en-GB or de-CH");
    }

    @Test
    void unknownLanguageIsRejected() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = faker, expression = \"#{Name.fullName}\", locale = xx-YY");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.locale: invalid value xx-YY;"
                        + " expected a language tag of an ISO 639 language and an optional ISO 3166 country, such as"
                        + " en, en-GB or de-CH");
    }

    @Test
    void unknownExpressionNamesNoObject() {
        TestGenerators.Created created =
                TestGenerators.create(provider(), "type = faker, expression = \"#{Name.noSuchMethod}\"");

        assertThat(created.rendered())
                .singleElement()
                .asString()
                .endsWith("(Unable to resolve #{Name.noSuchMethod} directive)");
    }
}
