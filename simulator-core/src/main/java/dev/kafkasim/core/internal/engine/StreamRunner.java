package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.core.internal.Seeds;
import dev.kafkasim.core.internal.StreamPlugins;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.SendCallback;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream while it runs: its schedule, its field generators with their random sources, and its counts.
 *
 * <p>The driver thread calls {@link #generate()}; sink threads call the callback. The context methods serve the
 * field generators during {@link #generate()}.
 */
final class StreamRunner implements GenerationContext {
    private static final Logger log = LoggerFactory.getLogger(StreamRunner.class);
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final StreamSpec spec;
    private final RecordSchema schema;
    private final FieldGenerator[] generators;
    private final SplittableRandom[] randoms;
    private final int keyIndex;
    private final SinkRunner sink;
    private final double gapNanos;
    private final long countLimit;
    private final long offsetLimitNanos;

    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong firstFailureLogged = new AtomicLong();
    private volatile long lagNanos;
    private volatile boolean abandoned;

    private long startEpochMillis;
    private long nextIndex;
    private long nextOffsetNanos;
    private Object[] current;
    private int currentField;
    private long currentEventTime;

    private final SendCallback callback = this::complete;

    StreamRunner(StreamSpec spec, StreamPlugins plugins, SinkRunner sink, long seed, Duration simulationDuration) {
        this.spec = spec;
        this.schema = plugins.schema();
        this.generators = plugins.generators();
        this.sink = sink;
        this.keyIndex = spec.keyField() == null ? -1 : schema.indexOf(spec.keyField());
        this.randoms = new SplittableRandom[generators.length];
        for (int i = 0; i < randoms.length; i++) {
            randoms[i] = Seeds.forField(seed, spec.name(), schema.name(i));
        }
        this.gapNanos = spec.rate().gapNanos();
        this.countLimit = spec.count() == null ? Long.MAX_VALUE : spec.count();
        this.offsetLimitNanos = minNanos(spec.duration(), simulationDuration);
    }

    private static long minNanos(Duration a, Duration b) {
        long limit = Long.MAX_VALUE;
        if (a != null) {
            limit = Math.min(limit, saturatedNanos(a));
        }
        if (b != null) {
            limit = Math.min(limit, saturatedNanos(b));
        }
        return limit;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    void start(long startEpochMillis) {
        this.startEpochMillis = startEpochMillis;
        this.nextIndex = 0;
        this.nextOffsetNanos = 0;
    }

    String name() {
        return spec.name();
    }

    SinkRunner sink() {
        return sink;
    }

    SendCallback callback() {
        return callback;
    }

    /** Returns whether the stream reached its count or duration limit. */
    boolean exhausted() {
        return nextIndex >= countLimit || nextOffsetNanos >= offsetLimitNanos;
    }

    /** Returns the schedule offset of the next record, in nanoseconds from the start. */
    long nextOffsetNanos() {
        return nextOffsetNanos;
    }

    void recordLag(long nanos) {
        lagNanos = nanos;
    }

    /** Generates the next record and advances the schedule. */
    SimRecord generate() {
        long sequence = nextIndex;
        currentEventTime = startEpochMillis + Math.floorDiv(nextOffsetNanos, NANOS_PER_MILLI);
        Object[] values = new Object[generators.length];
        current = values;
        for (int i = 0; i < generators.length; i++) {
            currentField = i;
            values[i] = generators[i].next(this);
        }
        current = null;
        nextIndex = sequence + 1;
        nextOffsetNanos = offsetOf(nextIndex);
        generated.incrementAndGet();
        Object key = keyIndex >= 0 ? values[keyIndex] : null;
        return new SimRecord(
                spec.name(),
                spec.topic(),
                null,
                key,
                RecordValue.of(schema, values),
                List.of(),
                currentEventTime,
                sequence,
                null);
    }

    private long offsetOf(long index) {
        double offset = index * gapNanos;
        return offset >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(offset);
    }

    /** Counts a record that the sink rejected synchronously, so it never reached the callback. */
    void failUnsent(SimRecord record, RuntimeException error) {
        complete(record, error);
    }

    /** Counts every record still in flight as failed, and ignores their callbacks from now on. */
    long abandonInFlight() {
        abandoned = true;
        long pending = generated.get() - acknowledged.get() - failed.get();
        if (pending > 0) {
            failed.addAndGet(pending);
        }
        return Math.max(0, pending);
    }

    private void complete(SimRecord record, Throwable error) {
        if (abandoned) {
            return;
        }
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            failed.incrementAndGet();
            logFailure(record, error);
        }
        sink.release();
    }

    private void logFailure(SimRecord record, Throwable error) {
        if (firstFailureLogged.getAndIncrement() == 0) {
            log.warn(
                    "Sink '{}' failed to send record {} of stream '{}' to topic '{}': {}. Further failures of this"
                            + " stream are logged at DEBUG and counted in the stats.",
                    sink.name(),
                    record.sequence(),
                    spec.name(),
                    spec.topic(),
                    error.toString());
        } else {
            log.debug(
                    "Sink '{}' failed to send record {} of stream '{}'",
                    sink.name(),
                    record.sequence(),
                    spec.name(),
                    error);
        }
    }

    StreamStats stats() {
        long failedNow = failed.get();
        long acknowledgedNow = acknowledged.get();
        return new StreamStats(
                spec.name(),
                spec.topic(),
                sink.name(),
                generated.get(),
                acknowledgedNow,
                failedNow,
                spec.rate().perSecond(),
                lagNanos / NANOS_PER_MILLI);
    }

    long generatedCount() {
        return generated.get();
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    long failedCount() {
        return failed.get();
    }

    StreamSpec spec() {
        return spec;
    }

    // GenerationContext, valid only during generate().

    @Override
    public SplittableRandom random() {
        return randoms[currentField];
    }

    @Override
    public String stream() {
        return spec.name();
    }

    @Override
    public long sequence() {
        return nextIndex;
    }

    @Override
    public long eventTime() {
        return currentEventTime;
    }

    @Override
    public Object key() {
        return keyIndex >= 0 && keyIndex < currentField ? current[keyIndex] : null;
    }

    @Override
    public Object field(String name) {
        int index = schema.indexOf(name);
        return index >= 0 && index < currentField ? current[index] : null;
    }
}
