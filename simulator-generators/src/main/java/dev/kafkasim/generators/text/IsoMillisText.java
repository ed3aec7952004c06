package dev.kafkasim.generators.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch milliseconds as ISO-8601 text in UTC with milliseconds, such as {@code 2026-01-01T00:00:00.250Z},
 * exactly as the pattern {@code uuuu-MM-dd'T'HH:mm:ss.SSSX} does. The date part is computed once per day and the
 * time of day with integer arithmetic, because {@link DateTimeFormatter} is slow here: a JFR profile of the
 * iot-sensors scenario put a third of the driver thread's time in it, most of that in its fraction printer, which
 * goes through {@link java.math.BigDecimal}.
 *
 * <p>Years outside 1970 to 9999, whose text has a sign or more than four digits, go through the formatter. Not
 * thread-safe: it caches the last day, so each generator has its own.
 */
final class IsoMillisText {
    static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** The first millisecond of the year 10000. */
    private static final long END_OF_YEAR_9999 = 253_402_300_800_000L;

    private final char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
    private long cachedDay = Long.MIN_VALUE;

    /** Returns the text of an instant given in epoch milliseconds. */
    String format(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= END_OF_YEAR_9999) {
            return FORMATTER.format(Instant.ofEpochMilli(epochMillis));
        }
        long day = epochMillis / MILLIS_PER_DAY;
        if (day != cachedDay) {
            writeDate(LocalDate.ofEpochDay(day));
            cachedDay = day;
        }
        int millisOfDay = (int) (epochMillis - day * MILLIS_PER_DAY);
        writeTwoDigits(11, millisOfDay / 3_600_000);
        writeTwoDigits(14, millisOfDay / 60_000 % 60);
        writeTwoDigits(17, millisOfDay / 1000 % 60);
        int millis = millisOfDay % 1000;
        text[20] = (char) ('0' + millis / 100);
        writeTwoDigits(21, millis % 100);
        return new String(text);
    }

    private void writeDate(LocalDate date) {
        int year = date.getYear();
        writeTwoDigits(0, year / 100);
        writeTwoDigits(2, year % 100);
        writeTwoDigits(5, date.getMonthValue());
        writeTwoDigits(8, date.getDayOfMonth());
    }

    private void writeTwoDigits(int index, int value) {
        text[index] = (char) ('0' + value / 10);
        text[index + 1] = (char) ('0' + value % 10);
    }
}
