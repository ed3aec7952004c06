package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.EngineStats.State;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SimulatorEngineTest {

    private static final String READINGS = """
            simulation {
              seed = %d
              clock = %s
              start-time = "2026-01-01T00:00:00Z"
              streams.readings {
                rate = 200/s
                count = %d
                key = id
                fields {
                  id    { type = counter }
                  %s
                  value { type = gaussian, mean = 20, stddev = 2 }
                }
              }
            }
            """;

    @Test
    void sameSeedGivesIdenticalRecords() {
        List<SimRecord> first = run(readings(7, "virtual", 500, ""));
        List<SimRecord> second = run(readings(7, "virtual", 500, ""));

        assertThat(first).hasSize(500);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedGivesDifferentRecords() {
        List<SimRecord> first = run(readings(7, "virtual", 100, ""));
        List<SimRecord> second = run(readings(8, "virtual", 100, ""));

        assertThat(values(second, "value")).isNotEqualTo(values(first, "value"));
    }

    @Test
    void addingFieldKeepsOtherValues() {
        List<SimRecord> without = run(readings(7, "virtual", 200, ""));
        List<SimRecord> with = run(readings(7, "virtual", 200, "extra { type = gaussian, mean = 0, stddev = 1 }"));

        assertThat(values(with, "value")).isEqualTo(values(without, "value"));
        assertThat(with.get(0).recordValue().schema().names()).containsExactly("id", "extra", "value");
    }

    @Test
    void twoCountersCountIndependently() {
        List<SimRecord> records = run(readings(1, "virtual", 5, "other { type = counter, start = 100, step = 10 }"));

        assertThat(values(records, "id")).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(values(records, "other")).containsExactly(100L, 110L, 120L, 130L, 140L);
    }

    @Test
    void constantRateSpacesEventTimesExactly() {
        List<SimRecord> records = run(readings(1, "virtual", 2000, ""));

        assertThat(records).hasSize(2000);
        assertThat(records.get(1999).timestamp() - records.get(0).timestamp()).isEqualTo(9995);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).timestamp() - records.get(i - 1).timestamp())
                    .isEqualTo(5);
        }
        assertThat(records.get(0).timestamp()).isEqualTo(1767225600000L);
    }

    @Test
    void sequenceNumbersAndKeysFollowRecords() {
        List<SimRecord> records = run(readings(1, "virtual", 3, ""));

        assertThat(records).extracting(SimRecord::sequence).containsExactly(0L, 1L, 2L);
        assertThat(records).extracting(SimRecord::key).containsExactly(0L, 1L, 2L);
        assertThat(records).extracting(SimRecord::topic).containsOnly("readings");
    }

    @Test
    void realTimeGivesSameEventTimesAsVirtual() {
        List<SimRecord> virtual = run(readings(5, "virtual", 40, ""));
        List<SimRecord> realTime = run(readings(5, "real-time", 40, ""));

        assertThat(realTime).isEqualTo(virtual);
    }

    @Test
    void durationLimitEndsStream() {
        SimulationSpec spec = SimulationSpec.parse(
                "simulation.streams.a { rate = 100/s, duration = 1s, fields { id = counter } }", "duration.conf");

        assertThat(run(spec)).hasSize(100);
    }

    @Test
    void simulationCountLimitsAllStreams() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  count = 30
                  streams.a { rate = 100/s, fields { id = counter } }
                  streams.b { rate = 100/s, fields { id = counter } }
                }
                """, "count.conf");

        List<SimRecord> records = run(spec);

        assertThat(records).hasSize(30);
        assertThat(records).filteredOn(r -> r.stream().equals("a")).hasSize(15);
        assertThat(records).filteredOn(r -> r.stream().equals("b")).hasSize(15);
    }

    @Test
    void streamsInterleaveByEventTime() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  streams.slow { rate = 10/s, count = 5, fields { id = counter } }
                  streams.fast { rate = 40/s, count = 20, fields { id = counter } }
                }
                """, "two.conf");

        List<SimRecord> records = run(spec);

        assertThat(records).extracting(SimRecord::timestamp).isSorted();
    }

    @Test
    void stopMidRunAccountsForEveryRecord() {
        SimulationSpec spec = SimulationSpec.parse(
                "simulation.streams.a { rate = 1000000/s, fields { id = counter } }", "unbounded.conf");
        try (AsyncSink sink = new AsyncSink();
                SimulatorEngine engine =
                        SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.start();
            waitFor(() -> engine.stats().generated() > 5_000);

            engine.stop();

            EngineStats stats = engine.stats();
            assertThat(stats.state()).isEqualTo(State.STOPPED);
            assertThat(stats.generated()).isGreaterThan(5_000);
            assertThat(stats.acknowledged() + stats.failed()).isEqualTo(stats.generated());
            assertThat(stats.inFlight()).isZero();
        }
    }

    @Test
    void throwingSinkCountsFailures() {
        Sink throwing = new Sink() {
            @Override
            public void open(SinkContext context) {}

            @Override
            public void send(SimRecord record, SendCallback callback) {
                if (record.sequence() % 2 == 0) {
                    throw new IllegalStateException("rejected " + record.sequence());
                }
                callback.onCompletion(record, null);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(readings(1, "virtual", 100, ""))
                .sink("main", throwing)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();

            EngineStats stats = engine.stats();
            assertThat(stats.state()).isEqualTo(State.COMPLETED);
            assertThat(stats.generated()).isEqualTo(100);
            assertThat(stats.acknowledged()).isEqualTo(50);
            assertThat(stats.failed()).isEqualTo(50);
        }
    }

    @Test
    void sinkOpenFailureFailsStart() {
        Sink broken = new AsyncSink() {
            @Override
            public void open(SinkContext context) {
                throw new IllegalStateException("cannot reach 127.0.0.1:1");
            }
        };
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(readings(1, "virtual", 10, ""))
                .sink("main", broken)
                .build()) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(KafkasimException.class)
                    .hasMessageContaining("Opening sink 'main' failed: cannot reach 127.0.0.1:1");
            assertThat(engine.stats().state()).isEqualTo(State.FAILED);
            assertThat(engine.failure()).isPresent();
        }
    }

    @Test
    void pauseAndResumeChangeState() {
        SimulationSpec spec = SimulationSpec.parse(
                "simulation { clock = real-time, streams.a { rate = 1000/s, count = 300, fields { id = counter } } }",
                "pause.conf");
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.start();
            engine.pause();
            assertThat(engine.stats().state()).isEqualTo(State.PAUSED);

            engine.resume();
            assertThat(engine.stats().state()).isIn(State.RUNNING, State.COMPLETED);
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(sink.records()).hasSize(300);
        }
    }

    @Test
    void metricsCountRecordsAndAreRemovedOnClose() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SimulatorEngine engine = SimulatorEngine.builder()
                .spec(readings(1, "virtual", 250, ""))
                .sink("main", Sinks.inMemory())
                .meterRegistry(registry)
                .build();
        engine.start();
        engine.awaitCompletion(Duration.ofSeconds(30));

        FunctionCounter generated = registry.get("kafkasim.records.generated")
                .tags("stream", "readings", "topic", "readings", "sink", "main")
                .functionCounter();
        FunctionCounter acknowledged =
                registry.get("kafkasim.records.acknowledged").functionCounter();
        assertThat(generated.count()).isEqualTo(250);
        assertThat(acknowledged.count()).isEqualTo(250);
        assertThat(registry.get("kafkasim.records.failed").functionCounter().count())
                .isZero();

        engine.close();

        assertThat(registry.find("kafkasim.records.generated").meters()).isEmpty();
    }

    @Test
    void unknownSinkNameIsRejected() {
        SimulationSpec spec =
                SimulationSpec.parse("simulation.streams.a { sink = mian, fields { id = counter } }", "sink.conf");

        assertThatThrownBy(() -> SimulatorEngine.builder()
                        .spec(spec)
                        .sink("main", Sinks.inMemory())
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "sink.conf:1: simulation.streams.a.sink: unknown sink 'mian'; did you mean 'main'?");
    }

    @Test
    void missingSinkIsRejected() {
        SimulationSpec spec = SimulationSpec.parse("simulation.streams.a { fields { id = counter } }", "nosink.conf");

        assertThatThrownBy(() -> SimulatorEngine.builder().spec(spec).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.a.sink: no sink to send to");
    }

    @Test
    void declaredMemorySinkRuns() {
        SimulationSpec spec = SimulationSpec.parse(
                "simulation { sinks.main.type = memory, streams.a { count = 10, fields { id = counter } } }",
                "memory.conf");
        try (SimulatorEngine engine = SimulatorEngine.builder().spec(spec).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(engine.stats().acknowledged()).isEqualTo(10);
        }
    }

    private static SimulationSpec readings(long seed, String clock, long count, String extraField) {
        return SimulationSpec.parse(String.format(READINGS, seed, clock, count, extraField), "readings.conf");
    }

    private static List<SimRecord> run(SimulationSpec spec) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
            assertThat(engine.stats().state()).isEqualTo(State.COMPLETED);
        }
        return sink.records();
    }

    private static List<Object> values(List<SimRecord> records, String field) {
        List<Object> values = new ArrayList<>();
        for (SimRecord record : records) {
            values.add(record.recordValue().get(field));
        }
        return values;
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Completes callbacks on another thread, as a network sink does. */
    private static class AsyncSink implements Sink {
        private final ExecutorService executor = Executors.newSingleThreadExecutor();

        @Override
        public void open(SinkContext context) {}

        @Override
        public void send(SimRecord record, SendCallback callback) {
            executor.execute(() -> callback.onCompletion(record, null));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            executor.shutdown();
        }
    }
}
