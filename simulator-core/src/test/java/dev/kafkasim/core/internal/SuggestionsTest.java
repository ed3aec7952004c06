package dev.kafkasim.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void shortUnrelatedNameNotSuggested() {
        assertThat(Suggestions.closest("key", List.of("a", "b"))).isNull();
    }

    @Test
    void oneEditOnShortNameSuggested() {
        assertThat(Suggestions.closest("mian", List.of("main", "other"))).isEqualTo("main");
    }

    @Test
    void typoInLongNameSuggested() {
        assertThat(Suggestions.closest("stddv", List.of("mean", "stddev"))).isEqualTo("stddev");
        assertThat(Suggestions.closest("cardnality", List.of("format", "cardinality")))
                .isEqualTo("cardinality");
    }

    @Test
    void distantLongNameNotSuggested() {
        assertThat(Suggestions.closest("volume", List.of("seed", "speed"))).isNull();
    }

    @Test
    void unknownKeyInScenarioHasNoFarSuggestion() {
        assertThat(Suggestions.didYouMean("key", List.of("a"))).isEmpty();
    }
}
