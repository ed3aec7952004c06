package dev.kafkasim.formats;

import dev.kafkasim.core.spi.FormatProvider;
import dev.kafkasim.core.spi.FormatSpec;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.formats.internal.JsonEncoder;

/**
 * The {@code json} format: a record value becomes a UTF-8 JSON object with its fields in declared order, nested
 * records become objects and lists become arrays; a scalar key or value becomes its JSON scalar, such as
 * {@code "sensor-0001"} or {@code 21.5}. It takes no options.
 *
 * <p>Written with Jackson's streaming generator. Doubles are written in their shortest form that reads back to the
 * same value; {@code NaN} and the infinities, which JSON numbers cannot express, are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class JsonFormatProvider implements FormatProvider {
    /** The type name used in configuration. */
    public static final String TYPE = "json";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public JsonFormatProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RecordEncoder create(FormatSpec spec) {
        return new JsonEncoder(spec.stream());
    }
}
