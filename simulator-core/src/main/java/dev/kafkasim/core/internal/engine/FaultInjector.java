package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.FaultSpec;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.RecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Turns some of a stream's records into faulty ones, drawing every choice from the stream's own fault random
 * source so that the same seed injects the same faults into the same records.
 *
 * <p>One uniform draw per record picks at most one fault by the cumulative fractions. Records held back as
 * out-of-order wait in {@link #held} until the stream's event time passes their release time.
 */
final class FaultInjector {
    static final List<String> KINDS = List.of(
            "late",
            "late-within-grace",
            "late-beyond-grace",
            "out-of-order",
            "duplicate",
            "null-key",
            "tombstone",
            "null-field",
            "poison-invalid-json",
            "poison-truncated",
            "poison-wrong-type",
            "poison-random-bytes",
            "poison-oversize");
    private static final int RECENT_KEYS = 1024;

    private final FaultSpec spec;
    private final SplittableRandom random;
    private final RecordEncoder valueEncoder;
    private final double[] thresholds = new double[9];
    private final AtomicLongArray counts = new AtomicLongArray(KINDS.size());
    private final Object[] recentKeys = new Object[RECENT_KEYS];
    private int recentKeyCount;
    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong(Held::releaseAt));

    FaultInjector(FaultSpec spec, SplittableRandom random, RecordEncoder valueEncoder) {
        this.spec = spec;
        this.random = random;
        this.valueEncoder = valueEncoder;
        double[] fractions = {
            spec.late(),
            spec.withinGrace(),
            spec.beyondGrace(),
            spec.outOfOrder(),
            spec.duplicate(),
            spec.nullKey(),
            spec.tombstone(),
            spec.nullField(),
            spec.poison()
        };
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            sum += fractions[i];
            thresholds[i] = sum;
        }
    }

    boolean active() {
        return spec.any();
    }

    /**
     * Applies at most one fault to a record and adds what is to be sent to {@code out}: the record, its faulty
     * form, or nothing when it is held back, followed by any held records now due.
     *
     * @return how many records the fault added to the one generated: 1 for a duplicate, otherwise 0
     */
    int apply(SimRecord record, ArrayDeque<SimRecord> out) {
        double draw = random.nextDouble();
        int choice = 0;
        while (choice < thresholds.length && draw >= thresholds[choice]) {
            choice++;
        }
        switch (choice) {
            case 0 -> late(record, "late", 0, spec.maxDelay().toMillis(), out);
            case 1 -> late(record, "late-within-grace", 0, spec.grace().toMillis(), out);
            case 2 ->
                late(
                        record,
                        "late-beyond-grace",
                        spec.grace().toMillis(),
                        spec.maxDelay().toMillis(),
                        out);
            case 3 -> hold(record);
            case 4 -> duplicate(record, out);
            case 5 -> nullKey(record, out);
            case 6 -> tombstone(record, out);
            case 7 -> nullField(record, out);
            case 8 -> poison(record, out);
            default -> emit(out, record);
        }
        // Held records go after the current one, so each is sent after at least one later record.
        if (choice != 3) {
            releaseDue(record.timestamp(), out);
        }
        return choice == 4 ? 1 : 0;
    }

    /** Moves every held record whose release time has come to {@code out}. */
    void releaseDue(long eventTime, ArrayDeque<SimRecord> out) {
        while (!held.isEmpty() && held.peek().releaseAt() <= eventTime) {
            out.add(held.poll().record());
        }
    }

    /** Moves every held record to {@code out}, in release order. */
    void releaseAll(ArrayDeque<SimRecord> out) {
        while (!held.isEmpty()) {
            out.add(held.poll().record());
        }
    }

    int heldCount() {
        return held.size();
    }

    long count(int kind) {
        return counts.get(kind);
    }

    private void emit(ArrayDeque<SimRecord> out, SimRecord record) {
        if (record.key() != null && record.fault() == null) {
            recentKeys[recentKeyCount % RECENT_KEYS] = record.key();
            recentKeyCount++;
        }
        out.add(record);
    }

    private void late(
            SimRecord record, String kind, long minDelayMillis, long maxDelayMillis, ArrayDeque<SimRecord> out) {
        long delay = minDelayMillis + 1 + random.nextLong(Math.max(1, maxDelayMillis - minDelayMillis));
        count(kind);
        emit(out, with(record, record.key(), record.value(), record.timestamp() - delay, kind));
    }

    private void hold(SimRecord record) {
        long window = Math.max(1, spec.outOfOrderWindow().toMillis());
        long releaseAt = record.timestamp() + 1 + random.nextLong(window);
        count("out-of-order");
        held.add(new Held(with(record, record.key(), record.value(), record.timestamp(), "out-of-order"), releaseAt));
    }

    private void duplicate(SimRecord record, ArrayDeque<SimRecord> out) {
        count("duplicate");
        emit(out, record);
        out.add(with(record, record.key(), record.value(), record.timestamp(), "duplicate"));
    }

    private void nullKey(SimRecord record, ArrayDeque<SimRecord> out) {
        count("null-key");
        emit(out, with(record, null, record.value(), record.timestamp(), "null-key"));
    }

    private void tombstone(SimRecord record, ArrayDeque<SimRecord> out) {
        if (recentKeyCount == 0) {
            emit(out, record);
            return;
        }
        Object key = recentKeys[random.nextInt(Math.min(recentKeyCount, RECENT_KEYS))];
        count("tombstone");
        out.add(with(record, key, null, record.timestamp(), "tombstone"));
    }

    private void nullField(SimRecord record, ArrayDeque<SimRecord> out) {
        RecordValue value = record.recordValue();
        if (value == null || value.size() == 0) {
            emit(out, record);
            return;
        }
        count("null-field");
        emit(
                out,
                with(
                        record,
                        record.key(),
                        value.with(random.nextInt(value.size()), null),
                        record.timestamp(),
                        "null-field"));
    }

    private void poison(SimRecord record, ArrayDeque<SimRecord> out) {
        String kind = spec.poisonKinds().get(random.nextInt(spec.poisonKinds().size()));
        Object payload = switch (kind) {
            case "invalid-json" -> invalidJson(record);
            case "truncated" -> truncated(record);
            case "wrong-type" -> wrongType(record);
            case "random-bytes" -> randomBytes();
            default -> oversize(record);
        };
        count("poison-" + kind);
        out.add(with(record, record.key(), payload, record.timestamp(), "poison-" + kind));
    }

    private byte[] encoded(SimRecord record) {
        byte[] bytes = valueEncoder == null ? null : valueEncoder.encode(record.value());
        return bytes == null ? new byte[0] : bytes;
    }

    /** Returns the encoded value with its closing brace replaced by {@code ,,}}, which no JSON parser accepts. */
    private byte[] invalidJson(SimRecord record) {
        String text = new String(encoded(record), StandardCharsets.UTF_8);
        int close = text.lastIndexOf('}');
        String broken = close >= 0 ? text.substring(0, close) + ",,}" : "{\"value\": " + text + ",,}";
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] truncated(SimRecord record) {
        byte[] bytes = encoded(record);
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** Returns the value with one field replaced by a value of another type: a string for a number, a number otherwise. */
    private Object wrongType(SimRecord record) {
        RecordValue value = record.recordValue();
        if (value == null || value.size() == 0) {
            return randomBytes();
        }
        int index = random.nextInt(value.size());
        Object original = value.get(index);
        Object wrong = original instanceof Number ? "not-a-number" : (Object) 12345L;
        return value.with(index, wrong);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16 + random.nextInt(112)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Returns a JSON object of exactly {@code oversizeBytes} bytes, which keeps none of the value's fields. */
    private byte[] oversize(SimRecord record) {
        int size = (int) spec.oversizeBytes();
        byte[] prefix = "{\"padding\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[Math.max(size, prefix.length + 2)];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        Arrays.fill(bytes, prefix.length, bytes.length - 2, (byte) 'x');
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
    }

    private void count(String kind) {
        counts.incrementAndGet(KINDS.indexOf(kind));
    }

    private static SimRecord with(SimRecord record, Object key, Object value, long timestamp, String fault) {
        return new SimRecord(
                record.stream(),
                record.topic(),
                record.partition(),
                key,
                value,
                record.headers(),
                timestamp,
                record.sequence(),
                fault);
    }

    private record Held(SimRecord record, long releaseAt) {}
}
