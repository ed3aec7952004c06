package dev.kafkasim.core.testplugins;

import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Test formats {@code json} and {@code string} for the core's own tests, which cannot depend on the formats module:
 * both encode {@code String.valueOf(value)} as UTF-8.
 */
public class TextFormat implements FormatProvider {
    private final String type;

    public TextFormat() {
        this("string");
    }

    protected TextFormat(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public RecordEncoder create(FormatSpec spec) {
        return value -> value == null ? null : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The same encoder under the type name {@code json}. */
    public static final class Json extends TextFormat {
        public Json() {
            super("json");
        }
    }
}
