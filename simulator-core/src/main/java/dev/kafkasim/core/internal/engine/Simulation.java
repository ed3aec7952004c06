package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.ClockMode;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.EngineStats.State;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RateSchedule;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.core.spi.StreamBinding;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulation on one driver thread: picks the stream whose next record is due first, paces it against the
 * wall clock with the real-time clock, waits for a permit of its sink, generates the record and sends it.
 *
 * <p>Every generated record ends acknowledged or failed: a record the sink rejects synchronously is counted failed
 * at once, and records a sink never completes within the drain timeout are counted failed when the run ends.
 */
public final class Simulation {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final long PERMIT_WAIT_MILLIS = 50;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SPIN_THRESHOLD_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long LAG_WARNING_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SimulationSpec spec;
    private final String runId;
    private final List<SinkRunner> sinks;
    private final List<StreamRunner> streams;
    private final Map<String, List<StreamBinding>> bindings;
    private final MeterRegistry registry;
    private final Duration drainTimeout;
    private final EngineMetrics metrics;

    private final Object lock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile State state = State.CREATED;
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile Thread driver;
    private final long totalLimit;
    private boolean lagWarned;
    private boolean preloading;
    private long startMillis;
    private long wallStartNanos;
    private long pausedAtNanos;
    private final List<SinkRunner> openedSinks = new ArrayList<>();

    Simulation(
            SimulationSpec spec,
            String runId,
            List<SinkRunner> sinks,
            List<StreamRunner> streams,
            Map<String, List<StreamBinding>> bindings,
            MeterRegistry registry,
            Duration drainTimeout) {
        this.spec = spec;
        this.runId = runId;
        this.sinks = sinks;
        this.streams = streams;
        this.bindings = bindings;
        this.registry = registry;
        this.drainTimeout = drainTimeout;
        this.totalLimit = spec.count() == null ? Long.MAX_VALUE : spec.count();
        this.metrics = new EngineMetrics(registry, streams);
    }

    /** Returns the run id. */
    public String runId() {
        return runId;
    }

    /** Returns the current state. */
    public State state() {
        return state;
    }

    /** Returns the first fatal error, or {@code null}. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Opens the sinks and starts the driver thread.
     *
     * @throws IllegalStateException if already started
     * @throws KafkasimException if a sink cannot be opened
     */
    public void start() {
        synchronized (lock) {
            if (state != State.CREATED) {
                throw new IllegalStateException("the engine was already started; its state is " + state);
            }
            openSinks();
            long startMillis = spec.startTime() == null
                    ? Instant.now().toEpochMilli()
                    : spec.startTime().toEpochMilli();
            this.startMillis = startMillis;
            preloading = streams.stream().anyMatch(StreamRunner::preload);
            for (StreamRunner stream : streams) {
                stream.start(startMillis, 0);
            }
            metrics.bind();
            state = State.RUNNING;
            wallStartNanos = System.nanoTime();
            Thread thread = new Thread(this::drive, "kafkasim-driver-" + runId.substring(0, 8));
            thread.setDaemon(true);
            driver = thread;
            thread.start();
            log.info(
                    "Simulation {} started: {} stream(s) {}, clock {}, seed {}",
                    runId,
                    streams.size(),
                    streams.stream().map(StreamRunner::name).toList(),
                    spec.clock().configName(),
                    spec.seed());
        }
    }

    private void openSinks() {
        for (SinkRunner sink : sinks) {
            try {
                sink.open(runId, bindings.get(sink.name()), registry);
                openedSinks.add(sink);
                log.info(
                        "Sink '{}' opened for streams {}",
                        sink.name(),
                        bindings.get(sink.name()).stream()
                                .map(StreamBinding::stream)
                                .toList());
            } catch (RuntimeException e) {
                state = State.FAILED;
                failure.compareAndSet(null, e);
                finished.countDown();
                closeSinks();
                throw e instanceof KafkasimException k
                        ? k
                        : new KafkasimException("Opening sink '" + sink.name() + "' failed: " + e.getMessage(), e);
            }
        }
    }

    /** Pauses generation; records in flight still complete. */
    public void pause() {
        synchronized (lock) {
            if (state == State.RUNNING) {
                paused = true;
                pausedAtNanos = System.nanoTime();
                state = State.PAUSED;
                log.info("Simulation {} paused", runId);
            }
        }
    }

    /** Resumes generation after {@link #pause()}; the real-time schedule continues where it stopped. */
    public void resume() {
        synchronized (lock) {
            if (state == State.PAUSED) {
                wallStartNanos += System.nanoTime() - pausedAtNanos;
                paused = false;
                state = State.RUNNING;
                lock.notifyAll();
                log.info("Simulation {} resumed", runId);
            }
        }
        Thread thread = driver;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops generation, flushes the sinks and waits until every record completed or was counted failed. */
    public void stop() {
        synchronized (lock) {
            if (state == State.CREATED) {
                state = State.STOPPED;
                finished.countDown();
                return;
            }
            stopRequested = true;
            if (state == State.RUNNING || state == State.PAUSED) {
                state = State.STOPPING;
            }
            lock.notifyAll();
        }
        Thread thread = driver;
        if (thread != null && thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
            awaitUninterruptibly();
        }
    }

    private void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the run has finished: completed, stopped or failed.
     *
     * @return whether it finished within the timeout
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the run if needed, then closes every sink and removes the meters. */
    public void close() {
        stop();
        synchronized (lock) {
            closeSinks();
            metrics.close();
        }
    }

    private void closeSinks() {
        for (SinkRunner sink : openedSinks) {
            try {
                sink.sink().close();
            } catch (RuntimeException e) {
                log.warn("Closing sink '{}' failed: {}", sink.name(), e.toString(), e);
            }
        }
        openedSinks.clear();
    }

    /** Returns a live snapshot of the counts. */
    public EngineStats stats() {
        Map<String, StreamStats> perStream = new LinkedHashMap<>();
        long generated = 0;
        long acknowledged = 0;
        long failed = 0;
        for (StreamRunner stream : streams) {
            StreamStats stats = stream.stats();
            perStream.put(stream.name(), stats);
            generated += stats.generated();
            acknowledged += stats.acknowledged();
            failed += stats.failed();
        }
        return new EngineStats(
                state, generated, acknowledged, failed, generated - acknowledged - failed, Map.copyOf(perStream));
    }

    private void drive() {
        boolean completed = false;
        try {
            completed = generateUntilDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            // The caller reads the exception from failure(), so the stack trace is only logged at DEBUG.
            log.error("Simulation {} failed: {}", runId, e.toString());
            log.debug("Stack trace of the failure of simulation {}", runId, e);
        } finally {
            if (!completed) {
                dropUnsent();
            }
            drain();
            finish(completed);
        }
    }

    /** Returns true when every stream reached its limit, false when stopped. */
    private boolean generateUntilDone() throws InterruptedException {
        while (!stopRequested) {
            if (paused) {
                waitWhilePaused();
                continue;
            }
            if (preloading && preloadFinished()) {
                startAfterPreload();
                continue;
            }
            if (allFinished() || totalGenerated() >= totalLimit) {
                return true;
            }
            StreamRunner next = nextDue();
            if (next == null) {
                LockSupport.parkNanos(MAX_PARK_NANOS);
                continue;
            }
            if (spec.clock() == ClockMode.REAL_TIME && !paceUntilDue(next)) {
                continue;
            }
            if (!next.sink().acquire(PERMIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(next);
        }
        return false;
    }

    private boolean allFinished() {
        for (StreamRunner stream : streams) {
            if (!stream.finished()) {
                return false;
            }
        }
        return true;
    }

    private boolean preloadFinished() {
        for (StreamRunner stream : streams) {
            if (stream.preload() && !stream.finished()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every preloaded record is acknowledged, then starts the other streams where the preloaded
     * schedules ended: in event time, and now on the wall clock.
     */
    private void startAfterPreload() throws InterruptedException {
        long endOffset = 0;
        for (StreamRunner stream : streams) {
            if (stream.preload()) {
                endOffset = Math.max(endOffset, stream.endOffsetNanos());
                if (!stream.sink().awaitIdle(drainTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new KafkasimException("Preloaded stream '" + stream.name()
                            + "' was not acknowledged by sink '" + stream.sink().name() + "' within " + drainTimeout);
                }
            }
        }
        long shift = System.nanoTime() - wallStartNanos;
        for (StreamRunner stream : streams) {
            if (!stream.preload()) {
                stream.start(startMillis + endOffset / 1_000_000, shift);
            }
        }
        preloading = false;
        log.info("Simulation {} finished preloading; the other streams start", runId);
    }

    private long totalGenerated() {
        if (totalLimit == Long.MAX_VALUE) {
            return 0;
        }
        long total = 0;
        for (StreamRunner stream : streams) {
            total += stream.generatedCount();
        }
        return total;
    }

    /** Returns the ready stream whose next record is due first, or {@code null} when every stream waits. */
    private StreamRunner nextDue() {
        StreamRunner best = null;
        for (StreamRunner stream : streams) {
            if (stream.ready()
                    && (!preloading || stream.preload())
                    && (best == null || stream.dueOffsetNanos() < best.dueOffsetNanos())) {
                best = stream;
            }
        }
        return best;
    }

    /** Waits until the stream's next record is due; returns false when woken early to re-check stop and pause. */
    private boolean paceUntilDue(StreamRunner stream) {
        long due = wallStartNanos + stream.wallShiftNanos() + (long) (stream.dueOffsetNanos() / spec.speed());
        long remaining = due - System.nanoTime();
        if (remaining <= 0) {
            recordLag(stream, -remaining);
            return true;
        }
        if (remaining > SPIN_THRESHOLD_NANOS) {
            LockSupport.parkNanos(Math.min(remaining - SPIN_THRESHOLD_NANOS / 2, MAX_PARK_NANOS));
            return false;
        }
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
        stream.recordLag(0);
        return true;
    }

    private void recordLag(StreamRunner stream, long lagNanos) {
        stream.recordLag(lagNanos);
        if (lagNanos > LAG_WARNING_NANOS && !lagWarned) {
            lagWarned = true;
            log.warn(
                    "Stream '{}' is {} ms behind schedule at {} records/s: sink '{}' or this machine cannot keep up."
                            + " The engine sends as fast as it can and reports the lag in stats() and the"
                            + " kafkasim.schedule.lag meter; lower the rate or raise max-in-flight. Further lag is"
                            + " logged at DEBUG.",
                    stream.name(),
                    lagNanos / 1_000_000,
                    Math.round(stream.currentRate()),
                    stream.sink().name());
        } else if (lagNanos > LAG_WARNING_NANOS && log.isDebugEnabled()) {
            log.debug("Stream '{}' is {} ms behind schedule", stream.name(), lagNanos / 1_000_000);
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (lock) {
            while (paused && !stopRequested) {
                lock.wait(100);
            }
        }
    }

    private void send(StreamRunner stream) {
        SimRecord record;
        try {
            record = stream.next();
        } catch (RuntimeException e) {
            stream.sink().release();
            throw new KafkasimException(
                    "Generating a record of stream '" + stream.name() + "' failed: " + e.getMessage(), e);
        }
        if (record == null) {
            stream.sink().release();
            return;
        }
        try {
            stream.sink().sink().send(record, stream.callback());
        } catch (RuntimeException e) {
            stream.failUnsent(record, e);
            return;
        }
        stream.recordSent(record);
    }

    /** Counts records generated but not sent (held or pending faults) as failed when the run stops early. */
    private void dropUnsent() {
        long dropped = 0;
        for (StreamRunner stream : streams) {
            dropped += stream.dropPending();
        }
        if (dropped > 0) {
            log.info(
                    "Simulation {} stopped with {} generated record(s) not yet sent; they are counted as failed",
                    runId,
                    dropped);
        }
    }

    /** Pauses one stream; the others go on. */
    public void pause(String stream) {
        runner(stream).pause(System.nanoTime());
    }

    /** Resumes one stream; its real-time schedule continues where it stopped. */
    public void resume(String stream) {
        runner(stream).resume(System.nanoTime());
        Thread thread = driver;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Ends one stream; the run completes when the others do. */
    public void stop(String stream) {
        StreamRunner runner = runner(stream);
        runner.stopStream();
        Thread thread = driver;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Changes one stream's schedule from its next record on. */
    public void changeSchedule(String stream, RateSchedule schedule) {
        runner(stream).changeSchedule(schedule);
    }

    private StreamRunner runner(String stream) {
        for (StreamRunner runner : streams) {
            if (runner.name().equals(stream)) {
                return runner;
            }
        }
        throw new IllegalArgumentException("unknown stream '" + stream + "'; the simulation has "
                + streams.stream().map(StreamRunner::name).toList());
    }

    /** Flushes every sink and waits for outstanding callbacks; counts as failed what never completes. */
    private void drain() {
        for (SinkRunner sink : openedSinks) {
            try {
                sink.sink().flush();
            } catch (RuntimeException e) {
                log.warn("Flushing sink '{}' failed: {}", sink.name(), e.toString(), e);
            }
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        for (SinkRunner sink : openedSinks) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!sink.awaitIdle(left, TimeUnit.NANOSECONDS)) {
                    abandon(sink);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon(sink);
            }
        }
    }

    private void abandon(SinkRunner sink) {
        long lost = 0;
        for (StreamRunner stream : streams) {
            if (stream.sink() == sink) {
                lost += stream.abandonInFlight();
            }
        }
        log.error(
                "Sink '{}' did not complete {} record(s) within {}; they are counted as failed",
                sink.name(),
                lost,
                drainTimeout);
    }

    private void finish(boolean completed) {
        synchronized (lock) {
            if (failure.get() != null) {
                state = State.FAILED;
            } else {
                state = completed ? State.COMPLETED : State.STOPPED;
            }
            EngineStats stats = stats();
            log.info(
                    "Simulation {} {}: generated={} acknowledged={} failed={}",
                    runId,
                    state.name().toLowerCase(java.util.Locale.ROOT),
                    stats.generated(),
                    stats.acknowledged(),
                    stats.failed());
            finished.countDown();
        }
    }
}
