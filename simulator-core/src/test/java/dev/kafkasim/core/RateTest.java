package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void parsesUnits() {
        assertThat(Rate.parse("500/s").perSecond()).isEqualTo(500);
        assertThat(Rate.parse("12/min").perSecond()).isEqualTo(0.2);
        assertThat(Rate.parse("0.2/s").perSecond()).isEqualTo(0.2);
        assertThat(Rate.parse("3600/h").perSecond()).isEqualTo(1);
        assertThat(Rate.parse("250").perSecond()).isEqualTo(250);
        assertThat(Rate.parse("1/ms").perSecond()).isEqualTo(1000);
    }

    @Test
    void rejectsZeroNegativeAndUnknownUnits() {
        assertThatThrownBy(() -> Rate.parse("0/s")).hasMessageContaining("invalid rate '0/s'");
        assertThatThrownBy(() -> Rate.parse("-1/s")).hasMessageContaining("invalid rate '-1/s'");
        assertThatThrownBy(() -> Rate.parse("5/fortnight")).hasMessageContaining("unknown unit 'fortnight'");
    }

    @Test
    void rejectsRatesBelowOnePerYear() {
        assertThatThrownBy(() -> Rate.parse("1e-10/s"))
                .hasMessageContaining("invalid rate '1e-10/s': slower than one record per 365 days");
        assertThat(Rate.parse("1/day").perSecond()).isEqualTo(1.0 / 86_400);
    }

    @Test
    void toStringParsesBack() {
        Rate rate = Rate.parse("12/min");

        assertThat(Rate.parse(rate.toString())).isEqualTo(rate);
    }
}
