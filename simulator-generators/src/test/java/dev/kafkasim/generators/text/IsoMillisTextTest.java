package dev.kafkasim.generators.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoMillisTextTest {
    private final IsoMillisText text = new IsoMillisText();

    @Test
    void matchesFormatterAtBoundaries() {
        long[] instants = {
            0L,
            999L,
            86_399_999L,
            86_400_000L,
            951_782_400_000L, // 2000-02-29, a leap day
            1_767_225_599_999L,
            1_767_225_600_000L,
            253_402_300_799_999L, // the last millisecond of 9999
        };

        for (long millis : instants) {
            assertThat(text.format(millis)).as("text of %d", millis).isEqualTo(formatter(millis));
        }
    }

    @Test
    void matchesFormatterOutsideFourDigitYears() {
        long[] instants = {-1L, -62_135_596_800_000L, 253_402_300_800_000L, 300_000_000_000_000L};

        for (long millis : instants) {
            assertThat(text.format(millis)).as("text of %d", millis).isEqualTo(formatter(millis));
        }
    }

    @Test
    void matchesFormatterForRandomAndSteppedInstants() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(253_402_300_800_000L);
            assertThat(text.format(millis)).as("text of %d", millis).isEqualTo(formatter(millis));
        }
        for (long millis = 1_767_225_000_000L; millis < 1_767_225_000_000L + 3 * 86_400_000L; millis += 997_001) {
            assertThat(text.format(millis)).as("text of %d", millis).isEqualTo(formatter(millis));
        }
    }

    private static String formatter(long millis) {
        return IsoMillisText.FORMATTER.format(Instant.ofEpochMilli(millis));
    }
}
