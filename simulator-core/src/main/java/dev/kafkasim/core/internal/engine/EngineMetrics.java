package dev.kafkasim.core.internal.engine;

import static dev.kafkasim.core.SimulatorMetrics.RATE_ACHIEVED;
import static dev.kafkasim.core.SimulatorMetrics.RATE_TARGET;
import static dev.kafkasim.core.SimulatorMetrics.RECORDS_ACKNOWLEDGED;
import static dev.kafkasim.core.SimulatorMetrics.RECORDS_FAILED;
import static dev.kafkasim.core.SimulatorMetrics.RECORDS_GENERATED;
import static dev.kafkasim.core.SimulatorMetrics.RECORDS_SENT;
import static dev.kafkasim.core.SimulatorMetrics.SCHEDULE_LAG;

import dev.kafkasim.core.SimulatorMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Registers each stream's counts as meters under {@code kafkasim.*}, tagged by stream, topic and sink, and
 * removes them on {@link #close()}. Meters read the engine's counters, so recording costs nothing per record.
 * {@link SimulatorMetrics} lists the names.
 */
final class EngineMetrics implements AutoCloseable {
    private static final String RECORDS = "records";

    private final MeterRegistry registry;
    private final List<StreamRunner> streams;
    private final List<Meter> meters = new ArrayList<>();

    EngineMetrics(MeterRegistry registry, List<StreamRunner> streams) {
        this.registry = registry;
        this.streams = streams;
    }

    void bind() {
        for (StreamRunner stream : streams) {
            Tags tags = SimulatorMetrics.streamTags(
                    stream.name(), stream.spec().topic(), stream.sink().name());
            counter(
                    RECORDS_GENERATED,
                    "Records generated, injected faults included",
                    stream,
                    tags,
                    s -> s.generatedCount());
            counter(RECORDS_SENT, "Records handed to the sink", stream, tags, s -> s.sentCount());
            counter(RECORDS_ACKNOWLEDGED, "Records the sink acknowledged", stream, tags, s -> s.acknowledgedCount());
            counter(
                    RECORDS_FAILED,
                    "Records the sink reported failed, or that could not be sent",
                    stream,
                    tags,
                    s -> s.failedCount());
            gauge(RATE_TARGET, "Rate the schedule sets at the latest record", stream, tags, s -> s.currentRate());
            gauge(RATE_ACHIEVED, "Records sent during the last second", stream, tags, s -> s.achievedRate());
            meters.add(TimeGauge.builder(SCHEDULE_LAG, stream, TimeUnit.NANOSECONDS, StreamRunner::lagNanos)
                    .description("How far the latest record was sent behind its scheduled time (real-time clock)")
                    .tags(tags)
                    .register(registry));
        }
    }

    private void counter(
            String name, String description, StreamRunner stream, Tags tags, ToDoubleFunction<StreamRunner> count) {
        meters.add(FunctionCounter.builder(name, stream, count)
                .description(description)
                .baseUnit(RECORDS)
                .tags(tags)
                .register(registry));
    }

    private void gauge(
            String name, String description, StreamRunner stream, Tags tags, ToDoubleFunction<StreamRunner> rate) {
        meters.add(Gauge.builder(name, stream, rate)
                .description(description)
                .baseUnit("records.per.second")
                .tags(tags)
                .register(registry));
    }

    @Override
    public void close() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
