package dev.kafkasim.generators.text;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;

/**
 * Creates {@code timestamp} generators, which return the record's event time: as epoch milliseconds
 * ({@code format = epoch-millis}, the default, a {@link Long}), epoch seconds ({@code epoch-seconds}, a
 * {@link Long}) or ISO-8601 text in UTC with milliseconds ({@code iso-8601}, such as
 * {@code 2026-01-01T00:00:00.250Z}).
 *
 * <pre>{@code ts { type = timestamp, format = iso-8601 }}</pre>
 */
public final class TimestampProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public TimestampProvider() {}

    @Override
    public String type() {
        return "timestamp";
    }

    @Override
    public String description() {
        return "the record's event time as epoch-millis, epoch-seconds or iso-8601 text";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        String format = spec.getString("format", "epoch-millis");
        switch (format) {
            case "epoch-millis":
                spec.declare(ValueType.TIMESTAMP_MILLIS);
                return context -> context.eventTime();
            case "epoch-seconds":
                spec.declare(ValueType.LONG);
                return context -> Math.floorDiv(context.eventTime(), 1000L);
            case "iso-8601":
                spec.declare(ValueType.STRING);
                IsoMillisText text = new IsoMillisText();
                return context -> text.format(context.eventTime());
            default:
                spec.reject("format", format, "epoch-millis, epoch-seconds or iso-8601");
                return context -> null;
        }
    }
}
