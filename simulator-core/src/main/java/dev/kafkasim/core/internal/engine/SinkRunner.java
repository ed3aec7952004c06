package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** One sink and the permits that bound its records in flight. */
final class SinkRunner {
    private final String name;
    private final Sink sink;
    private final int maxInFlight;
    private final Semaphore permits;

    SinkRunner(String name, Sink sink, int maxInFlight) {
        this.name = name;
        this.sink = sink;
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    String name() {
        return name;
    }

    Sink sink() {
        return sink;
    }

    void open(String runId, List<StreamBinding> bindings, MeterRegistry registry) {
        sink.open(new Context(name, runId, bindings, registry));
    }

    /** Waits up to a timeout for a permit to send one record. */
    boolean acquire(long timeout, TimeUnit unit) throws InterruptedException {
        return permits.tryAcquire(timeout, unit);
    }

    void release() {
        permits.release();
    }

    /** Records sent and not yet completed. */
    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    /** Waits up to a timeout until every record sent has completed; returns whether they all did. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(maxInFlight, timeout, unit)) {
            return false;
        }
        permits.release(maxInFlight);
        return true;
    }

    private record Context(String sinkName, String runId, List<StreamBinding> streams, MeterRegistry meterRegistry)
            implements SinkContext {
        @Override
        public StreamBinding stream(String stream) {
            for (StreamBinding binding : streams) {
                if (binding.stream().equals(stream)) {
                    return binding;
                }
            }
            throw new IllegalArgumentException("sink '" + sinkName + "' does not receive stream '" + stream + "'");
        }
    }
}
