package dev.kafkasim.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long MILLI = 1_000_000L;
    private static final long START = 5_000 * MILLI;

    @Test
    void countsEventsOfLastSecond() {
        RateWindow window = new RateWindow();
        for (int i = 0; i < 200; i++) {
            window.record(START + i * 5 * MILLI);
        }

        assertThat(window.perSecond(START + 999 * MILLI)).isCloseTo(200.0, within(1.0));
    }

    @Test
    void forgetsEventsOlderThanOneSecond() {
        RateWindow window = new RateWindow();
        for (int i = 0; i < 100; i++) {
            window.record(START + i * MILLI);
        }
        window.record(START + 1_500 * MILLI);

        assertThat(window.perSecond(START + 1_999 * MILLI)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void emptyWindowIsZero() {
        assertThat(new RateWindow().perSecond(START)).isZero();
    }
}
