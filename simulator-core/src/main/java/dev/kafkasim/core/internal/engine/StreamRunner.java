package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.HeaderSpec;
import dev.kafkasim.core.RateSchedule;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.core.internal.Seeds;
import dev.kafkasim.core.internal.SpecCatalog;
import dev.kafkasim.core.internal.StreamPlugins;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.SendCallback;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream while it runs: its arrival schedule, its field generators with their random sources, its faults and
 * its counts.
 *
 * <p>The driver thread calls {@link #next()}; sink threads call the callback. The context methods serve the field
 * generators while a record is generated.
 */
final class StreamRunner implements GenerationContext {
    private static final Logger log = LoggerFactory.getLogger(StreamRunner.class);
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final StreamSpec spec;
    private final RecordSchema schema;
    private final FieldGenerator[] generators;
    private final List<HeaderSpec> headers;
    private final FieldGenerator[] headerGenerators;
    private final SimHeader[] staticHeaders;
    private final SplittableRandom[] randoms;
    private final int keyIndex;
    private final SinkRunner sink;
    private final long countLimit;
    private final long offsetLimitNanos;
    private final FaultInjector faults;
    private final ArrayDeque<SimRecord> pending = new ArrayDeque<>();
    private final SplittableRandom scheduleRandom;
    private final int[] collectedIndexes;
    private final SpecCatalog.Values[] collected;

    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final RateWindow sendRate = new RateWindow();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failuresLogged = new AtomicLong();
    private volatile long lagNanos;
    private volatile boolean abandoned;
    private volatile RateSchedule schedule;
    private volatile RateSchedule requestedSchedule;
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile long wallShiftNanos;
    private long pausedAtNanos;

    private Arrivals arrivals;
    private long startEpochMillis;
    private long nextIndex;
    private long nextOffsetNanos;
    private long lastOffsetNanos;
    private Object[] current;
    private int currentField;
    private long currentSequence;
    private long currentEventTime;

    private final SendCallback callback = this::complete;

    StreamRunner(
            StreamSpec spec,
            StreamPlugins plugins,
            SinkRunner sink,
            long seed,
            Duration simulationDuration,
            Map<String, SpecCatalog.Values> collected) {
        this.spec = spec;
        this.schema = plugins.schema();
        this.generators = plugins.generators();
        this.sink = sink;
        this.keyIndex = spec.keyField() == null ? -1 : schema.indexOf(spec.keyField());
        this.headers = plugins.headers();
        this.headerGenerators = plugins.headerGenerators();
        this.staticHeaders = new SimHeader[headers.size()];
        // Header generators take the random sources after the fields', so that context.random() serves both.
        this.randoms = new SplittableRandom[generators.length + headers.size()];
        for (int i = 0; i < generators.length; i++) {
            randoms[i] = Seeds.forField(seed, spec.name(), schema.name(i));
        }
        for (int i = 0; i < headers.size(); i++) {
            HeaderSpec header = headers.get(i);
            randoms[generators.length + i] = Seeds.forStream(seed, spec.name(), "header:" + header.name());
            staticHeaders[i] = header.generated() ? null : new SimHeader(header.name(), header.value());
        }
        this.schedule = spec.schedule();
        this.scheduleRandom = Seeds.forStream(seed, spec.name(), "schedule");
        this.arrivals = Arrivals.of(schedule, scheduleRandom);
        this.faults =
                new FaultInjector(spec.faults(), Seeds.forStream(seed, spec.name(), "faults"), plugins.valueEncoder());
        this.countLimit = spec.count() == null ? Long.MAX_VALUE : spec.count();
        this.offsetLimitNanos = minNanos(spec.duration(), simulationDuration);
        this.collectedIndexes = new int[collected.size()];
        this.collected = new SpecCatalog.Values[collected.size()];
        int i = 0;
        for (Map.Entry<String, SpecCatalog.Values> entry : collected.entrySet()) {
            collectedIndexes[i] = schema.indexOf(entry.getKey());
            this.collected[i] = entry.getValue();
            i++;
        }
    }

    /**
     * Counts a record the sink accepted, and adds its values to the collections other streams refer to, unless a
     * fault replaced its key or value.
     */
    void recordSent(SimRecord record) {
        sent.incrementAndGet();
        sendRate.record(System.nanoTime());
        if (collected.length == 0 || !keepsValues(record.fault())) {
            return;
        }
        RecordValue value = record.recordValue();
        if (value == null) {
            return;
        }
        for (int i = 0; i < collected.length; i++) {
            collected[i].record(value.get(collectedIndexes[i]));
        }
    }

    private static boolean keepsValues(String fault) {
        return fault == null || fault.startsWith("late") || fault.equals("out-of-order") || fault.equals("duplicate");
    }

    boolean preload() {
        return spec.preload();
    }

    /** Returns the schedule offset where the stream's generation ended, in nanoseconds. */
    long endOffsetNanos() {
        return nextOffsetNanos;
    }

    private static long minNanos(Duration a, Duration b) {
        long limit = Long.MAX_VALUE;
        for (Duration duration : new Duration[] {a, b}) {
            if (duration != null) {
                limit = Math.min(limit, saturatedNanos(duration));
            }
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

    void start(long startEpochMillis, long wallShiftNanos) {
        this.startEpochMillis = startEpochMillis;
        this.wallShiftNanos = wallShiftNanos;
        this.nextIndex = 0;
        this.nextOffsetNanos = arrivals.offsetNanos(0);
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

    StreamSpec spec() {
        return spec;
    }

    /** Returns whether the stream has nothing more to send: limits reached (or stopped) and nothing pending. */
    boolean finished() {
        return (generationEnded() && pending.isEmpty() && faults.heldCount() == 0) || stopped;
    }

    private boolean generationEnded() {
        return nextIndex >= countLimit || nextOffsetNanos >= offsetLimitNanos;
    }

    /** Returns whether the driver may take a record from this stream now. */
    boolean ready() {
        return !paused && !finished();
    }

    /** Returns the schedule offset at which the next record is due, in nanoseconds from the start. */
    long dueOffsetNanos() {
        if (!pending.isEmpty() || generationEnded()) {
            return lastOffsetNanos;
        }
        return nextOffsetNanos;
    }

    long wallShiftNanos() {
        return wallShiftNanos;
    }

    void recordLag(long nanos) {
        lagNanos = nanos;
    }

    long lagNanos() {
        return lagNanos;
    }

    /** Returns the next record to send, or {@code null} when the record generated was held back. */
    SimRecord next() {
        if (pending.isEmpty() && generationEnded()) {
            faults.releaseAll(pending);
        }
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        applyRequestedSchedule();
        SimRecord record = generate();
        if (!faults.active()) {
            return record;
        }
        // A held record was counted when generated, so only a duplicate's copy adds to the count.
        generated.addAndGet(faults.apply(record, pending));
        return pending.poll();
    }

    private SimRecord generate() {
        long sequence = nextIndex;
        currentSequence = sequence;
        currentEventTime = startEpochMillis + Math.floorDiv(nextOffsetNanos, NANOS_PER_MILLI);
        Object[] values = new Object[generators.length];
        current = values;
        for (int i = 0; i < generators.length; i++) {
            currentField = i;
            values[i] = generators[i].next(this);
        }
        List<SimHeader> recordHeaders = generateHeaders();
        current = null;
        lastOffsetNanos = nextOffsetNanos;
        nextIndex = sequence + 1;
        nextOffsetNanos = arrivals.offsetNanos(nextIndex);
        generated.incrementAndGet();
        Object key = keyIndex >= 0 ? values[keyIndex] : null;
        return new SimRecord(
                spec.name(),
                spec.topic(),
                null,
                key,
                RecordValue.of(schema, values),
                recordHeaders,
                currentEventTime,
                sequence,
                null);
    }

    /** Returns the record's user headers; generated ones see every field of the record through the context. */
    private List<SimHeader> generateHeaders() {
        if (staticHeaders.length == 0) {
            return List.of();
        }
        SimHeader[] record = new SimHeader[staticHeaders.length];
        for (int i = 0; i < record.length; i++) {
            if (staticHeaders[i] != null) {
                record[i] = staticHeaders[i];
            } else {
                currentField = generators.length + i;
                Object value = headerGenerators[i].next(this);
                record[i] = new SimHeader(headers.get(i).name(), value == null ? null : String.valueOf(value));
            }
        }
        return Arrays.asList(record);
    }

    /** Switches to a schedule requested while running; it starts at the offset of the next record. */
    private void applyRequestedSchedule() {
        RateSchedule requested = requestedSchedule;
        if (requested == null) {
            return;
        }
        requestedSchedule = null;
        schedule = requested;
        arrivals = Arrivals.rebased(nextIndex, nextOffsetNanos, Arrivals.of(requested, scheduleRandom));
    }

    void changeSchedule(RateSchedule newSchedule) {
        requestedSchedule = newSchedule;
    }

    void pause(long nowNanos) {
        if (!paused) {
            pausedAtNanos = nowNanos;
            paused = true;
        }
    }

    void resume(long nowNanos) {
        if (paused) {
            wallShiftNanos += nowNanos - pausedAtNanos;
            paused = false;
        }
    }

    boolean paused() {
        return paused;
    }

    void stopStream() {
        stopped = true;
    }

    /** Counts a record that was generated but will never be sent (the run stopped first) as failed. */
    long dropPending() {
        faults.releaseAll(pending);
        long dropped = pending.size();
        pending.clear();
        if (dropped > 0) {
            failed.addAndGet(dropped);
        }
        return dropped;
    }

    /** Counts a record that the sink rejected synchronously, so it never reached the callback. */
    void failUnsent(SimRecord record, RuntimeException error) {
        complete(record, error);
    }

    /** Counts a record taken from the stream that could not get a permit before the run stopped. */
    void failNotSent() {
        failed.incrementAndGet();
    }

    /** Counts every record still in flight as failed, and ignores their callbacks from now on. */
    long abandonInFlight() {
        abandoned = true;
        long pendingCount = generated.get() - acknowledged.get() - failed.get();
        if (pendingCount > 0) {
            failed.addAndGet(pendingCount);
        }
        return Math.max(0, pendingCount);
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
        if (failuresLogged.getAndIncrement() == 0) {
            log.warn(
                    "Sink '{}' failed to send record {} of stream '{}' to topic '{}': {} (further failures of this"
                            + " stream are logged at DEBUG and counted in the stats)",
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
        Map<String, Long> faultCounts = new LinkedHashMap<>();
        for (int i = 0; i < FaultInjector.KINDS.size(); i++) {
            long count = faults.count(i);
            if (count > 0) {
                faultCounts.put(FaultInjector.KINDS.get(i), count);
            }
        }
        return new StreamStats(
                spec.name(),
                spec.topic(),
                sink.name(),
                generated.get(),
                acknowledgedNow,
                failedNow,
                currentRate(),
                lagNanos / NANOS_PER_MILLI,
                faultCounts);
    }

    double currentRate() {
        return schedule.perSecondAt(Duration.ofNanos(Math.max(0, lastOffsetNanos)));
    }

    long generatedCount() {
        return generated.get();
    }

    long sentCount() {
        return sent.get();
    }

    /** Returns the records sent per second over about the last second. */
    double achievedRate() {
        return sendRate.perSecond(System.nanoTime());
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    long failedCount() {
        return failed.get();
    }

    // GenerationContext, valid only while a record is generated.

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
        return currentSequence;
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
