package dev.kafkasim.core;

import java.time.Duration;
import java.util.List;

/**
 * The faults injected into one stream, each as a fraction of the stream's records. A record receives at most one
 * fault, chosen from the stream's own split of the seed, so faults never change the values of fields. Each faulty
 * record carries the header {@code kafkasim.fault} naming its kind.
 *
 * <pre>{@code
 * faults {
 *   late { fraction = 0.01, max-delay = 30s }
 *   # or, for window-grace tests: late { grace = 10s, within-grace = 0.01, beyond-grace = 0.005, max-delay = 60s }
 *   out-of-order { fraction = 0.02, window = 5s }
 *   duplicate.fraction = 0.01
 *   null-key.fraction = 0.001
 *   tombstone.fraction = 0.001
 *   null-field.fraction = 0.01
 *   poison { fraction = 0.001, kinds = [invalid-json, truncated, wrong-type, random-bytes, oversize] }
 * }
 * }</pre>
 *
 * @param late fraction of records whose event time is moved back by up to {@code maxDelay} (kind {@code late});
 *     without a grace period
 * @param grace the grace period that separates the two kinds of late records, or {@code null}
 * @param withinGrace with a grace period, fraction of records moved back by at most the grace
 *     (kind {@code late-within-grace})
 * @param beyondGrace with a grace period, fraction of records moved back by more than the grace, up to
 *     {@code maxDelay} (kind {@code late-beyond-grace})
 * @param maxDelay the largest delay of a late record
 * @param outOfOrder fraction of records held back and sent after later records, with their own event time
 *     (kind {@code out-of-order})
 * @param outOfOrderWindow the largest event-time span a record is held back
 * @param duplicate fraction of records sent a second time, with the same key, value and sequence number
 *     (kind {@code duplicate}, on the second copy)
 * @param nullKey fraction of records sent without a key (kind {@code null-key})
 * @param tombstone fraction of records replaced by a null value for a key sent before (kind {@code tombstone})
 * @param nullField fraction of records with one field set to null (kind {@code null-field})
 * @param poison fraction of records whose payload is broken (kind {@code poison-<kind>})
 * @param poisonKinds which payload breakages to draw from
 * @param oversizeBytes the payload size of an {@code oversize} poison record
 */
public record FaultSpec(
        double late,
        Duration grace,
        double withinGrace,
        double beyondGrace,
        Duration maxDelay,
        double outOfOrder,
        Duration outOfOrderWindow,
        double duplicate,
        double nullKey,
        double tombstone,
        double nullField,
        double poison,
        List<String> poisonKinds,
        long oversizeBytes) {

    /** The payload breakages a poison record may have. */
    public static final List<String> POISON_KINDS =
            List.of("invalid-json", "truncated", "wrong-type", "random-bytes", "oversize");

    /** No faults. */
    public static final FaultSpec NONE =
            new FaultSpec(0, null, 0, 0, Duration.ZERO, 0, Duration.ZERO, 0, 0, 0, 0, 0, POISON_KINDS, 1_048_577);

    /** Creates a fault spec. */
    public FaultSpec {
        poisonKinds = List.copyOf(poisonKinds);
    }

    /** Returns the sum of all fractions, at most 1. */
    public double totalFraction() {
        return late + withinGrace + beyondGrace + outOfOrder + duplicate + nullKey + tombstone + nullField + poison;
    }

    /** Returns whether any fault is injected. */
    public boolean any() {
        return totalFraction() > 0;
    }
}
