package dev.kafkasim.generators.text;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Creates {@code uuid} generators: RFC 9562 UUIDs as strings, with every random bit drawn from the field's seeded
 * random source. Version 4 (the default) is fully random; version 7 starts with the record's event time in epoch
 * milliseconds, so that ids sort by event time.
 *
 * <pre>{@code event_id { type = uuid, version = 7 }}</pre>
 */
public final class UuidProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UuidProvider() {}

    @Override
    public String type() {
        return "uuid";
    }

    @Override
    public String description() {
        return "seeded UUID strings, version 4 (random) or 7 (ordered by event time)";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.UUID);
        long version = spec.getLong("version", 4);
        if (version == 7) {
            return UuidProvider::version7;
        }
        if (version != 4) {
            spec.reject("version", version, "4 (random) or 7 (ordered by event time)");
        }
        return UuidProvider::version4;
    }

    private static String version4(GenerationContext context) {
        SplittableRandom random = context.random();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        return new UUID(high, variant(random.nextLong())).toString();
    }

    private static String version7(GenerationContext context) {
        SplittableRandom random = context.random();
        // 48 bits of Unix epoch milliseconds, the version nibble, then 12 random bits.
        long high = (context.eventTime() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        return new UUID(high, variant(random.nextLong())).toString();
    }

    /** Sets the two top bits of the low half to the RFC 9562 variant, 10. */
    private static long variant(long low) {
        return (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }
}
