package dev.kafkasim.formats;

import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.formats.internal.StringEncoder;

/**
 * The {@code string} format, the default for keys: a scalar becomes its text in UTF-8 ({@code sensor-0001},
 * {@code 21.5}, {@code true}), and a record value, list or map becomes its JSON, as in the {@code json} format. It
 * takes no options.
 */
public final class StringFormatProvider implements FormatProvider {
    /** The type name used in configuration. */
    public static final String TYPE = "string";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public StringFormatProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RecordEncoder create(FormatSpec spec) {
        return new StringEncoder(spec.stream());
    }
}
