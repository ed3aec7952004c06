package dev.kafkasim.formats;

import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.formats.internal.BytesEncoder;

/**
 * The {@code bytes} format: a {@code byte[]} key or value is sent as it is, and anything else as in the
 * {@code string} format. It takes no options.
 */
public final class BytesFormatProvider implements FormatProvider {
    /** The type name used in configuration. */
    public static final String TYPE = "bytes";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public BytesFormatProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RecordEncoder create(FormatSpec spec) {
        return new BytesEncoder(spec.stream());
    }
}
