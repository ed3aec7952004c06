package dev.kafkasim.core.internal.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Registers each stream's counts as meters under {@code kafkasim.*}, tagged by stream, topic and sink, and
 * removes them on {@link #close()}. Meters read the engine's counters, so recording costs nothing per record.
 */
final class EngineMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<StreamRunner> streams;
    private final List<Meter> meters = new ArrayList<>();

    EngineMetrics(MeterRegistry registry, List<StreamRunner> streams) {
        this.registry = registry;
        this.streams = streams;
    }

    void bind() {
        for (StreamRunner stream : streams) {
            Tags tags = Tags.of(
                    "stream",
                    stream.name(),
                    "topic",
                    stream.spec().topic(),
                    "sink",
                    stream.sink().name());
            meters.add(FunctionCounter.builder("kafkasim.records.generated", stream, StreamRunner::generatedCount)
                    .description("Records generated")
                    .baseUnit("records")
                    .tags(tags)
                    .register(registry));
            meters.add(FunctionCounter.builder("kafkasim.records.acknowledged", stream, StreamRunner::acknowledgedCount)
                    .description("Records the sink acknowledged")
                    .baseUnit("records")
                    .tags(tags)
                    .register(registry));
            meters.add(FunctionCounter.builder("kafkasim.records.failed", stream, StreamRunner::failedCount)
                    .description("Records the sink reported failed, or that could not be sent")
                    .baseUnit("records")
                    .tags(tags)
                    .register(registry));
            meters.add(Gauge.builder(
                            "kafkasim.rate.target", stream, s -> s.spec().rate().perSecond())
                    .description("Declared rate of the stream")
                    .baseUnit("records.per.second")
                    .tags(tags)
                    .register(registry));
            meters.add(TimeGauge.builder(
                            "kafkasim.schedule.lag",
                            stream,
                            TimeUnit.MILLISECONDS,
                            s -> s.stats().lagMillis())
                    .description("How far the latest record was sent behind its scheduled time (real-time clock)")
                    .tags(tags)
                    .register(registry));
        }
    }

    @Override
    public void close() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
