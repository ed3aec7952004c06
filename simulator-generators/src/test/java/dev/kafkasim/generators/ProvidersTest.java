package dev.kafkasim.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.spi.GeneratorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private static final List<String> BUILT_IN = List.of(
            "uniform",
            "normal",
            "log-normal",
            "exponential",
            "poisson",
            "zipf",
            "random-walk",
            "gbm",
            "seasonal",
            "sequence",
            "weighted",
            "one-of",
            "boolean",
            "pattern",
            "template",
            "uuid",
            "timestamp",
            "faker",
            "constant",
            "nullable",
            "object",
            "array",
            "unique",
            "reference",
            "markov");

    @Test
    void serviceLoaderFindsEveryBuiltIn() {
        assertThat(types()).containsExactlyInAnyOrderElementsOf(BUILT_IN);
    }

    @Test
    void everyProviderHasDescription() {
        for (GeneratorProvider provider : ServiceLoader.load(GeneratorProvider.class)) {
            assertThat(provider.description()).as(provider.type()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void typeNamesAreKebabCase() {
        assertThat(types()).allSatisfy(type -> assertThat(type).matches("[a-z]+(-[a-z0-9]+)*"));
    }

    private static List<String> types() {
        List<String> types = new ArrayList<>();
        for (GeneratorProvider provider : ServiceLoader.load(GeneratorProvider.class)) {
            types.add(provider.type());
        }
        return types;
    }
}
