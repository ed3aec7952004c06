package dev.kafkasim.formats;

import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.formats.internal.CsvEncoder;

/**
 * The {@code csv} format: a record value becomes one line of fields in declared order, quoted as RFC 4180 requires,
 * with no header and no line break at the end; a scalar key or value becomes a line of one field.
 *
 * <p>Options, both optional:
 *
 * <ul>
 *   <li>{@code delimiter}: one character between fields, default {@code ","}; use {@code "\t"} for tabs. A double
 *       quote, carriage return or line feed is rejected.
 *   <li>{@code null-value}: the text written for a {@code null} field, default empty. It may not contain the
 *       delimiter, a double quote or a line break.
 * </ul>
 *
 * <p>Example: {@code format { type = csv, delimiter = ";", null-value = "NULL" }}.
 */
public final class CsvFormatProvider implements FormatProvider {
    /** The type name used in configuration. */
    public static final String TYPE = "csv";

    /** The field delimiter when none is configured. */
    public static final String DEFAULT_DELIMITER = ",";

    /** The text written for {@code null} when none is configured. */
    public static final String DEFAULT_NULL_VALUE = "";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public CsvFormatProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    /** Creates a CSV encoder, recording a problem on the spec for an invalid {@code delimiter} or null text. */
    @Override
    public RecordEncoder create(FormatSpec spec) {
        String delimiterText = spec.getString("delimiter", DEFAULT_DELIMITER);
        String nullValue = spec.getString("null-value", DEFAULT_NULL_VALUE);

        char delimiter = validateDelimiter(spec, delimiterText);
        validateNullValue(spec, nullValue, delimiter);
        return new CsvEncoder(spec.stream(), delimiter, nullValue);
    }

    private static char validateDelimiter(FormatSpec spec, String text) {
        if (text.length() != 1 || isReserved(text.charAt(0))) {
            spec.reject(
                    "delimiter",
                    quoted(text),
                    "one character other than a double quote, carriage return or line feed, such as \",\", \";\" or"
                            + " \"\\t\"");
            return DEFAULT_DELIMITER.charAt(0);
        }
        return text.charAt(0);
    }

    private static void validateNullValue(FormatSpec spec, String nullValue, char delimiter) {
        for (int i = 0; i < nullValue.length(); i++) {
            char c = nullValue.charAt(i);
            if (c == delimiter || isReserved(c)) {
                spec.reject(
                        "null-value",
                        quoted(nullValue),
                        "text without the delimiter, a double quote or a line break, such as \"\" or \"NULL\"");
                return;
            }
        }
    }

    private static boolean isReserved(char c) {
        return c == '"' || c == '\r' || c == '\n';
    }

    private static String quoted(String text) {
        return "\""
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\t", "\\t")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r")
                + "\"";
    }
}
