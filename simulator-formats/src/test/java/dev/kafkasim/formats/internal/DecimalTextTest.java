package dev.kafkasim.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {
    @Test
    void matchesShortestTextOfScaledValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(5);
            double power = Math.pow(10, decimals);
            double bound = Math.pow(10, random.nextInt(8));
            double value = Math.round(random.nextDouble(-bound, bound) * power) / power;
            if (Math.abs(value) < 1e-3) {
                continue; // Zero and values below 10^-3 are left to the caller.
            }

            assertWritesLikeJackson(value);
        }
    }

    @Test
    void matchesShortestTextAtEdges() {
        double[] values = {
            1e-3,
            0.001,
            0.01,
            0.05,
            0.1,
            0.25,
            0.5,
            1,
            1.5,
            2,
            9.99,
            10,
            21.47,
            100,
            1234.5678,
            9_999_999.9999,
            -0.001,
            -21.5,
            -100,
            45.0,
            99.99,
            0.0001 + 0.001,
            9_999_999.0,
            1e7 - 1e-4
        };

        for (double value : values) {
            assertWritesLikeJackson(value);
        }
    }

    @Test
    void leavesOtherValuesToCaller() {
        double[] values = {
            0.0, -0.0, 1e-4, 5e-4, 1e7, 12_345_678.9, 0.123456, 0.1 + 0.2, Math.PI, Double.NaN, Double.POSITIVE_INFINITY
        };

        for (double value : values) {
            assertThat(DecimalText.write(value, new char[16]))
                    .as("length for %s", value)
                    .isEqualTo(-1);
        }
    }

    @Test
    void randomDoublesAreWrittenLikeJacksonOrLeftToCaller() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double value = random.nextDouble(-1e8, 1e8) / Math.pow(10, random.nextInt(12));
            char[] buffer = new char[16];
            int length = DecimalText.write(value, buffer);
            if (length >= 0) {
                assertThat(new String(buffer, 0, length))
                        .as("text of %s", value)
                        .isEqualTo(jackson(value));
            }
        }
    }

    private static void assertWritesLikeJackson(double value) {
        char[] buffer = new char[16];
        int length = DecimalText.write(value, buffer);

        assertThat(length).as("length for %s", value).isPositive();
        assertThat(new String(buffer, 0, length)).as("text of %s", value).isEqualTo(jackson(value));
    }

    private static String jackson(double value) {
        return NumberOutput.toString(value, true);
    }
}
