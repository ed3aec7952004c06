package dev.kafkasim.formats.internal;

import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes a {@link RecordValue} as one CSV line in field order, without a header and without a line break, and a
 * scalar as a line of one field. Quoting follows RFC 4180: a field that contains the delimiter, a double quote, a
 * carriage return or a line feed is enclosed in double quotes, with each double quote inside it doubled.
 *
 * <p>{@code null} is written as the configured null text. A string equal to the null text is quoted, so that a
 * reader can tell the two apart (with the default empty null text, {@code ""} is an empty string). A nested record,
 * list or map is written as its JSON text, and a {@code byte[]} field in Base64. A {@code byte[]} key or value is a
 * raw payload and is returned as it is.
 *
 * <p>Not thread-safe: one instance serves one stream's keys or values, from one thread at a time.
 */
public final class CsvEncoder implements RecordEncoder {
    private final char delimiter;
    private final String nullText;
    private final JsonEncoder json;
    private final StringBuilder line = new StringBuilder(256);

    /**
     * Creates an encoder.
     *
     * @param stream the stream name, for error messages
     * @param delimiter the field delimiter; not a double quote, carriage return or line feed
     * @param nullText the text written for {@code null}; it contains no delimiter, double quote or line break
     */
    public CsvEncoder(String stream, char delimiter, String nullText) {
        this.delimiter = delimiter;
        this.nullText = nullText;
        this.json = new JsonEncoder(stream);
    }

    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        line.setLength(0);
        if (value instanceof RecordValue record) {
            for (int i = 0; i < record.size(); i++) {
                if (i > 0) {
                    line.append(delimiter);
                }
                appendField(record.get(i));
            }
        } else {
            appendField(value);
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendField(Object value) {
        if (value == null) {
            line.append(nullText);
        } else if (value instanceof byte[] bytes) {
            line.append(Base64.getEncoder().encodeToString(bytes));
        } else if (StringEncoder.isStructured(value)) {
            appendText(json.encodeToString(value));
        } else {
            appendText(value.toString());
        }
    }

    private void appendText(String text) {
        if (!needsQuotes(text)) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private boolean needsQuotes(String text) {
        if (text.equals(nullText)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
