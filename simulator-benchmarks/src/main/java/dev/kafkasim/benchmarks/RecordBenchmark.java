package dev.kafkasim.benchmarks;

import com.typesafe.config.Config;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.RecordEncoder;
import dev.kafkasim.formats.internal.JsonEncoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole records per second: the bundled iot-sensors record (six fields, JSON-encoded by the {@code json} format's
 * encoder) through the engine in virtual time into a {@link DiscardingSink}, the same record generated and encoded
 * without the engine's driver, and the hand-written {@link BaselineRecord}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBenchmark {
    /** Records per engine run: enough that starting the engine costs under a few percent of a run. */
    static final int ENGINE_RECORDS = 500_000;

    private static final List<String> IOT_FIELDS =
            List.of("device_id", "temperature", "humidity", "battery", "status", "event_time");

    private final BaselineRecord baseline = new BaselineRecord();
    private final GeneratorBenchmark.Context context = new GeneratorBenchmark.Context();
    private FieldGenerator[] generators;
    private RecordSchema schema;
    private RecordEncoder keyEncoder;
    private RecordEncoder valueEncoder;

    @Setup(Level.Trial)
    public void setUpGenerators() {
        Config fields = Scenarios.virtual(Scenarios.IOT_SENSORS, 1).getConfig("simulation.streams.sensors.fields");
        Generators factory = new Generators("sensors", IOT_FIELDS, "device_id");
        generators = new FieldGenerator[IOT_FIELDS.size()];
        for (int i = 0; i < generators.length; i++) {
            generators[i] = factory.create(IOT_FIELDS.get(i), fields.getConfig(IOT_FIELDS.get(i)));
        }
        schema = RecordSchema.of(IOT_FIELDS);
        keyEncoder = new JsonEncoder("sensors");
        valueEncoder = new JsonEncoder("sensors");
    }

    @Benchmark
    @OperationsPerInvocation(ENGINE_RECORDS)
    public long engineVirtualTime(EngineRun run) {
        SimulatorEngine engine = run.engine;
        engine.start();
        if (!engine.awaitCompletion(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the engine did not finish " + ENGINE_RECORDS + " records in 5 minutes");
        }
        return engine.stats().acknowledged();
    }

    @Benchmark
    public int generateAndEncode() {
        context.advance();
        Object[] values = new Object[generators.length];
        for (int i = 0; i < generators.length; i++) {
            values[i] = generators[i].next(context);
        }
        byte[] key = keyEncoder.encode(values[0]);
        byte[] value = valueEncoder.encode(RecordValue.of(schema, values));
        return key.length + value.length;
    }

    @Benchmark
    public byte[] baseline() {
        return baseline.next();
    }

    /** One engine per invocation, built outside the timed part; starting, running and draining it are timed. */
    @State(Scope.Thread)
    public static class EngineRun {
        SimulatorEngine engine;

        @Setup(Level.Invocation)
        public void build() {
            engine = SimulatorEngine.builder()
                    .config(Scenarios.virtual(Scenarios.IOT_SENSORS, ENGINE_RECORDS))
                    .sink("main", new DiscardingSink())
                    .build();
        }

        @TearDown(Level.Invocation)
        public void close() {
            engine.close();
        }
    }
}
