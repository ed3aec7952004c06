package dev.kafkasim.formats.internal;

/**
 * Writes doubles that have at most four decimals, such as the values of generators with a {@code scale}, as the
 * same text that {@code Double.toString} gives on Java 19 and later and that Jackson's fast double writer gives:
 * the shortest decimal that reads back to the same double, with at least one digit after the point. It does so
 * with integer arithmetic, several times faster than the general algorithm.
 *
 * <p>Why the text is the shortest: when {@code m / 10^k} (a double division, correctly rounded) equals the value,
 * the decimal {@code m / 10^k} reads back to the value. Every decimal with fewer significant digits is a multiple
 * of {@code 10^-k} or coarser, so it lies at least {@code 10^-k} away; below {@code 10^7} the gap between doubles
 * is under {@code 2^-29}, far less than {@code 10^-4}, so such a decimal reads back to another double.
 */
final class DecimalText {
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000};

    private DecimalText() {}

    /**
     * Writes the text of a value into a buffer of at least 16 characters.
     *
     * @return the number of characters written, or -1 when the value is zero, not finite, outside the plain
     *     notation's range of {@code 10^-3} to {@code 10^7}, or has more than four decimals: then the caller
     *     writes it the general way
     */
    static int write(double value, char[] buffer) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        for (int decimals = 0; decimals < POWERS_OF_TEN.length; decimals++) {
            long power = POWERS_OF_TEN[decimals];
            long scaled = Math.round(magnitude * power);
            if ((double) scaled / power == magnitude) {
                return write(value < 0, scaled, decimals, buffer);
            }
        }
        return -1;
    }

    private static int write(boolean negative, long scaled, int decimals, char[] buffer) {
        // Below 10^7 with at most four decimals, both parts fit in an int, whose division is cheaper.
        int power = (int) POWERS_OF_TEN[decimals];
        int whole = (int) (scaled / power);
        int fraction = (int) (scaled % power);
        int length = 0;
        if (negative) {
            buffer[length++] = '-';
        }
        length = writeDigits(whole, buffer, length);
        buffer[length++] = '.';
        if (fraction == 0) {
            buffer[length++] = '0';
            return length;
        }
        // Leading zeros of the fraction, then its digits without trailing zeros.
        for (int digit = power / 10; digit > fraction; digit /= 10) {
            buffer[length++] = '0';
        }
        while (fraction % 10 == 0) {
            fraction /= 10;
        }
        return writeDigits(fraction, buffer, length);
    }

    private static int writeDigits(int number, char[] buffer, int start) {
        int digits = 1;
        for (int bound = 10; number >= bound && digits < 10; bound *= 10) {
            digits++;
        }
        int rest = number;
        for (int i = start + digits - 1; i >= start; i--) {
            buffer[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return start + digits;
    }
}
