package dev.kafkasim.core;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.internal.BlockSpec;
import java.time.Duration;
import java.util.List;

/** Parses a stream's {@code faults} block into a {@link FaultSpec}. */
final class FaultParser {
    private static final long DEFAULT_OVERSIZE = 1_048_577;

    private FaultParser() {}

    static FaultSpec parse(BlockSpec stream) {
        if (!stream.has("faults")) {
            return FaultSpec.NONE;
        }
        ConfigValue value = stream.config().getValue("faults");
        if (value.valueType() != ConfigValueType.OBJECT) {
            stream.reject("faults", value.render(), "a block such as { late { fraction = 0.01, max-delay = 30s } }");
            return FaultSpec.NONE;
        }
        BlockSpec faults = new BlockSpec(
                stream.path() + ".faults", ((ConfigObject) value).toConfig(), value.origin(), stream.problems());
        BlockSpec late = kind(faults, "late");
        double lateFraction = fraction(late, "fraction");
        Duration grace = late.getDuration("grace", null);
        double withinGrace = fraction(late, "within-grace");
        double beyondGrace = fraction(late, "beyond-grace");
        Duration maxDelay = late.getDuration("max-delay", Duration.ofSeconds(30));
        checkLate(late, lateFraction, grace, withinGrace, beyondGrace, maxDelay);

        BlockSpec outOfOrder = kind(faults, "out-of-order");
        double outOfOrderFraction = fraction(outOfOrder, "fraction");
        Duration window = outOfOrder.getDuration("window", Duration.ofSeconds(5));
        if (window.isNegative() || window.isZero()) {
            outOfOrder.reject("window", window, "a duration greater than 0, such as 5s");
        }
        double duplicate = fraction(kind(faults, "duplicate"), "fraction");
        double nullKey = fraction(kind(faults, "null-key"), "fraction");
        double tombstone = fraction(kind(faults, "tombstone"), "fraction");
        double nullField = fraction(kind(faults, "null-field"), "fraction");

        BlockSpec poison = kind(faults, "poison");
        double poisonFraction = fraction(poison, "fraction");
        List<String> kinds = poison.has("kinds") ? poison.getStringList("kinds") : FaultSpec.POISON_KINDS;
        for (String kind : kinds) {
            if (!FaultSpec.POISON_KINDS.contains(kind)) {
                poison.reject(
                        "kinds", "'" + kind + "'", "poison kinds from " + String.join(", ", FaultSpec.POISON_KINDS));
            }
        }
        if (kinds.isEmpty()) {
            poison.reject("kinds", "[]", "at least one of " + String.join(", ", FaultSpec.POISON_KINDS));
            kinds = FaultSpec.POISON_KINDS;
        }
        long oversize = oversizeBytes(poison);
        for (BlockSpec block : List.of(late, outOfOrder, poison)) {
            block.rejectUnknownKeys();
        }
        faults.rejectUnknownKeys();

        FaultSpec spec = new FaultSpec(
                lateFraction,
                grace,
                withinGrace,
                beyondGrace,
                maxDelay,
                outOfOrderFraction,
                window,
                duplicate,
                nullKey,
                tombstone,
                nullField,
                poisonFraction,
                kinds.stream().filter(FaultSpec.POISON_KINDS::contains).toList(),
                oversize);
        if (spec.totalFraction() > 1.0 + 1e-9) {
            faults.problem("the fault fractions add up to " + spec.totalFraction()
                    + "; a record receives at most one fault, so their sum must be at most 1");
        }
        return spec;
    }

    private static void checkLate(
            BlockSpec late, double fraction, Duration grace, double within, double beyond, Duration maxDelay) {
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            late.reject("max-delay", maxDelay, "a duration greater than 0, such as 30s");
        }
        if (grace == null && (within > 0 || beyond > 0)) {
            late.problem("within-grace and beyond-grace need a grace period, such as grace = 10s");
        }
        if (grace != null && fraction > 0) {
            late.problem("with a grace period, give within-grace and beyond-grace instead of fraction");
        }
        if (grace != null && (grace.isNegative() || grace.compareTo(maxDelay) >= 0)) {
            late.reject("grace", grace, "a duration of 0 or more, shorter than max-delay (" + maxDelay + ")");
        }
    }

    private static long oversizeBytes(BlockSpec poison) {
        if (!poison.has("oversize-bytes")) {
            return DEFAULT_OVERSIZE;
        }
        try {
            long bytes = poison.config().getBytes("oversize-bytes");
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 64) {
                poison.reject("oversize-bytes", bytes, "a size from 1B to 2GiB, such as 2MiB");
                return DEFAULT_OVERSIZE;
            }
            return bytes;
        } catch (RuntimeException e) {
            poison.reject(
                    "oversize-bytes", poison.config().getValue("oversize-bytes").render(), "a size such as 2MiB");
            return DEFAULT_OVERSIZE;
        }
    }

    /** Returns the block of one fault kind, or an empty block when the kind is not declared. */
    private static BlockSpec kind(BlockSpec faults, String key) {
        String path = faults.path() + "." + key;
        if (!faults.has(key)) {
            return new BlockSpec(path, com.typesafe.config.ConfigFactory.empty(), faults.origin(), faults.problems());
        }
        ConfigValue value = faults.config().getValue(key);
        if (value.valueType() != ConfigValueType.OBJECT) {
            faults.reject(key, value.render(), "a block such as { fraction = 0.01 }");
            return new BlockSpec(path, com.typesafe.config.ConfigFactory.empty(), faults.origin(), faults.problems());
        }
        return new BlockSpec(path, ((ConfigObject) value).toConfig(), value.origin(), faults.problems());
    }

    private static double fraction(BlockSpec block, String key) {
        double fraction = block.getDouble(key, 0);
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            block.reject(key, fraction, "a fraction from 0 to 1, such as 0.01");
            return 0;
        }
        return fraction;
    }
}
