package dev.kafkasim.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class TopologyTestDriverSinkTest {
    private static final String SCENARIO = """
            simulation {
              seed = 7
              clock = virtual
              start-time = "2026-01-01T00:00:00Z"
              streams.readings {
                topic = readings
                rate = 10/s
                count = 100
                key = device
                format = json
                fields {
                  device { type = pattern, format = "dev-%02d", cardinality = 5 }
                  level { type = uniform, min = 0, max = 100, scale = 1 }
                }
              }
            }
            """;

    private static final long START = 1_767_225_600_000L;

    @Test
    void pipesFormatBytesByDefault(TestInfo info) {
        InMemorySink expected = run(SCENARIO, Sinks.inMemory());

        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.of(driver);
            EngineStats stats = runStats(SCENARIO, sink);
            List<TestRecord<String, String>> output = readStrings(driver);

            assertThat(stats.acknowledged()).isEqualTo(100);
            assertThat(output).hasSize(100);
            for (int i = 0; i < output.size(); i++) {
                SimRecord record = expected.records().get(i);
                assertThat(output.get(i).key()).isEqualTo(record.key());
                assertThat(output.get(i).value())
                        .isEqualTo("{\"device\":\"" + record.key() + "\",\"level\":"
                                + record.recordValue().get("level") + "}");
                assertThat(output.get(i).timestamp()).isEqualTo(record.timestamp());
            }
        }
    }

    @Test
    void passesRecordValueToApplicationSerializer(TestInfo info) {
        Serializer<RecordValue> levelOnly =
                (topic, value) -> String.valueOf(value.get("level")).getBytes(StandardCharsets.UTF_8);

        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
                    .keySerializer("readings", new StringSerializer())
                    .valueSerializer("readings", levelOnly)
                    .retainPipedRecords()
                    .build();
            runStats(SCENARIO, sink);
            List<TestRecord<String, String>> output = readStrings(driver);

            List<SimRecord> piped = sink.pipedRecords();
            assertThat(output).hasSameSizeAs(piped);
            for (int i = 0; i < output.size(); i++) {
                assertThat(output.get(i).key()).isEqualTo(piped.get(i).key());
                assertThat(output.get(i).value())
                        .isEqualTo(String.valueOf(piped.get(i).recordValue().get("level")));
            }
        }
    }

    @Test
    void convertsValueWithUserFunction(TestInfo info) {
        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
                    .valueSerializer("readings", new StringSerializer(), value -> "level " + value.get("level"))
                    .retainPipedRecords()
                    .build();
            runStats(SCENARIO, sink);
            List<TestRecord<String, String>> output = readStrings(driver);

            assertThat(output.get(0).value())
                    .isEqualTo(
                            "level " + sink.pipedRecords().get(0).recordValue().get("level"));
        }
    }

    @Test
    void addsKafkasimHeaders(TestInfo info) {
        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.of(driver);
            String runId;
            try (SimulatorEngine engine = engine(SCENARIO, sink)) {
                runId = engine.runId();
                engine.start();
                engine.awaitCompletion(Duration.ofSeconds(30));
            }
            List<TestRecord<String, String>> output = readStrings(driver);

            Headers headers = output.get(3).headers();
            assertThat(text(headers.lastHeader("kafkasim.stream"))).isEqualTo("readings");
            assertThat(text(headers.lastHeader("kafkasim.seq"))).isEqualTo("3");
            assertThat(text(headers.lastHeader("kafkasim.run"))).isEqualTo(runId);
            assertThat(headers.lastHeader("kafkasim.fault")).isNull();
            assertThat(headers.lastHeader("kafkasim.sent-at")).isNull();
        }
    }

    @Test
    void faultyRecordsKeepFaultHeaderAndPayload(TestInfo info) {
        String scenario = SCENARIO.replace(
                "fields {",
                "faults { tombstone.fraction = 0.1, poison { fraction = 0.1, kinds = [random-bytes] } }\nfields {");
        InMemorySink expected = run(scenario, Sinks.inMemory());

        try (TopologyTestDriver driver = driver(passThroughBytes(), info)) {
            runStats(scenario, TopologyTestDriverSink.of(driver));
            List<TestRecord<byte[], byte[]>> output = driver.createOutputTopic(
                            "out", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();

            assertThat(output).hasSameSizeAs(expected.records());
            for (int i = 0; i < output.size(); i++) {
                SimRecord record = expected.records().get(i);
                Header fault = output.get(i).headers().lastHeader("kafkasim.fault");
                assertThat(fault == null ? null : text(fault)).isEqualTo(record.fault());
                if (record.value() == null) {
                    assertThat(output.get(i).value()).isNull();
                } else if (record.value() instanceof byte[] raw) {
                    assertThat(output.get(i).value()).isEqualTo(raw);
                }
            }
            assertThat(expected.records()).anyMatch(r -> r.value() == null);
            assertThat(expected.records()).anyMatch(r -> r.value() instanceof byte[]);
        }
    }

    @Test
    void wallClockFollowsEventTime(TestInfo info) {
        try (TopologyTestDriver driver = driver(punctuationCounter(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
                    .wallClockInterval(Duration.ofSeconds(1))
                    .build();
            runStats(SCENARIO, sink);
            List<String> punctuations = driver.createOutputTopic(
                            "punctuations", new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();

            // 100 records at 10/s span 9.9 s of event time: nine whole seconds, one punctuation each. Each fires
            // before the record that reaches the next second, so the stream time is that of the record before.
            assertThat(punctuations).hasSize(9);
            assertThat(punctuations.get(0)).isEqualTo("stream-time " + (START + 900));
            assertThat(punctuations.get(8)).isEqualTo("stream-time " + (START + 8_900));
        }
    }

    @Test
    void wallClockIntervalSetsCadence(TestInfo info) {
        try (TopologyTestDriver driver = driver(punctuationCounter(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
                    .wallClockInterval(Duration.ofSeconds(3))
                    .build();
            runStats(SCENARIO, sink);
            List<String> punctuations = driver.createOutputTopic(
                            "punctuations", new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();

            // Three advances of 3 s each within 9.9 s of event time. Each fires the 1-second punctuation once,
            // as a broker's stream thread would after a pause, before the record that reaches the next advance.
            assertThat(punctuations)
                    .containsExactly(
                            "stream-time " + (START + 2_900),
                            "stream-time " + (START + 5_900),
                            "stream-time " + (START + 8_900));
        }
    }

    @Test
    void streamTimePunctuationFollowsEventTime(TestInfo info) {
        try (TopologyTestDriver driver = driver(streamTimePunctuationCounter(), info)) {
            TopologyTestDriverSink sink =
                    TopologyTestDriverSink.builder(driver).fixedWallClock().build();
            runStats(SCENARIO, sink);
            List<Long> punctuations = driver
                    .createOutputTopic("punctuations", new StringDeserializer(), new StringDeserializer())
                    .readValuesToList()
                    .stream()
                    .map(Long::parseLong)
                    .toList();

            // Stream-time punctuations are aligned to whole seconds and fire with the first record at or past each,
            // so 100 records at 10/s from a whole second fire at every second from the first record on.
            List<Long> expected = new ArrayList<>();
            for (long second = 0; second < 10; second++) {
                expected.add(START + second * 1_000);
            }
            assertThat(punctuations).isEqualTo(expected);
        }
    }

    @Test
    void fixedWallClockFiresNoPunctuation(TestInfo info) {
        try (TopologyTestDriver driver = driver(punctuationCounter(), info)) {
            TopologyTestDriverSink sink =
                    TopologyTestDriverSink.builder(driver).fixedWallClock().build();
            runStats(SCENARIO, sink);
            List<String> punctuations = driver.createOutputTopic(
                            "punctuations", new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();

            assertThat(punctuations).isEmpty();
        }
    }

    @Test
    void topologyErrorFailsOnlyThatRecord(TestInfo info) {
        try (TopologyTestDriver driver = driver(failingOnSequence(5), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.of(driver);
            EngineStats stats = runStats(SCENARIO, sink);

            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.acknowledged()).isEqualTo(99);
            assertThat(sink.failedCount()).isEqualTo(1);
        }
    }

    @Test
    void topologyErrorNamesStreamAndRecord(TestInfo info) {
        List<Throwable> errors = new ArrayList<>();
        try (TopologyTestDriver driver = driver(failingOnSequence(5), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.of(driver);
            StreamBinding binding = new StreamBinding(
                    "readings",
                    "readings",
                    RecordSchema.of("device", "level"),
                    "device",
                    TopologyTestDriverSinkTest::utf8,
                    TopologyTestDriverSinkTest::utf8);
            sink.open(new Context("run-1", List.of(binding)));
            SimRecord record = run(SCENARIO, Sinks.inMemory()).records().get(5);

            sink.send(record, (sent, error) -> errors.add(error));
        }

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0))
                .isInstanceOf(KafkasimException.class)
                .hasMessageStartingWith("TopologyTestDriver sink 'main' failed to pipe record 5 of stream 'readings'"
                        + " into topic 'readings': ")
                .hasMessageContaining("sequence 5 rejected");
    }

    @Test
    void serializerForUnknownTopicFailsStart(TestInfo info) {
        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.builder(driver)
                    .valueSerializer("readngs", new StringSerializer(), value -> "x")
                    .build();
            try (SimulatorEngine engine = engine(SCENARIO, sink)) {
                assertThatThrownBy(engine::start)
                        .isInstanceOf(KafkasimException.class)
                        .hasMessageContaining("has serializers for topic 'readngs', which none of its streams sends"
                                + " to; its topics are [readings]");
            }
        }
    }

    @Test
    void pipedRecordsNeedRetainOption(TestInfo info) {
        try (TopologyTestDriver driver = driver(passThrough(), info)) {
            TopologyTestDriverSink sink = TopologyTestDriverSink.of(driver);

            assertThatThrownBy(sink::pipedRecords)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("build it with retainPipedRecords()");
        }
    }

    private static InMemorySink run(String scenario, InMemorySink sink) {
        runStats(scenario, sink);
        return sink;
    }

    private static EngineStats runStats(String scenario, Sink sink) {
        try (SimulatorEngine engine = engine(scenario, sink)) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            return engine.stats();
        }
    }

    private static SimulatorEngine engine(String scenario, Sink sink) {
        return SimulatorEngine.builder()
                .spec(SimulationSpec.parse(scenario, "test scenario"))
                .sink("main", sink)
                .build();
    }

    private static TopologyTestDriver driver(Topology topology, TestInfo info) {
        String name = info.getTestClass().orElseThrow().getSimpleName() + "-"
                + info.getTestMethod().orElseThrow().getName();
        return new TopologyTestDriver(topology, DriverFolders.properties(name));
    }

    private static List<TestRecord<String, String>> readStrings(TopologyTestDriver driver) {
        TestOutputTopic<String, String> out =
                driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
        return out.readRecordsToList();
    }

    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("readings", Consumed.with(Serdes.String(), Serdes.String()))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static Topology passThroughBytes() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("readings", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to("out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Forwards one record per wall-clock punctuation, carrying the stream time at that moment. */
    private static Topology punctuationCounter() {
        Topology topology = new Topology();
        topology.addSource("source", new StringDeserializer(), new StringDeserializer(), "readings");
        topology.addProcessor(
                "punctuate",
                () -> new Processor<String, String, String, String>() {
                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> {
                            String streamTime = "stream-time " + context.currentStreamTimeMs();
                            context.forward(new Record<>("tick", streamTime, now));
                        });
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        // Only the punctuations are forwarded.
                    }
                },
                "source");
        topology.addSink("sink", "punctuations", new StringSerializer(), new StringSerializer(), "punctuate");
        return topology;
    }

    /** Forwards one record per stream-time punctuation, carrying the time the punctuation fired at. */
    private static Topology streamTimePunctuationCounter() {
        Topology topology = new Topology();
        topology.addSource("source", new StringDeserializer(), new StringDeserializer(), "readings");
        topology.addProcessor(
                "punctuate",
                () -> new Processor<String, String, String, String>() {
                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        context.schedule(
                                Duration.ofSeconds(1),
                                PunctuationType.STREAM_TIME,
                                time -> context.forward(new Record<>("tick", Long.toString(time), time)));
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        // Only the punctuations are forwarded.
                    }
                },
                "source");
        topology.addSink("sink", "punctuations", new StringSerializer(), new StringSerializer(), "punctuate");
        return topology;
    }

    private static Topology failingOnSequence(long sequence) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("readings", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new FixedKeyProcessor<String, String, String>() {
                    private FixedKeyProcessorContext<String, String> context;

                    @Override
                    public void init(FixedKeyProcessorContext<String, String> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(FixedKeyRecord<String, String> record) {
                        if (text(record.headers().lastHeader("kafkasim.seq")).equals(Long.toString(sequence))) {
                            throw new IllegalStateException("sequence " + sequence + " rejected");
                        }
                        context.forward(record);
                    }
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static byte[] utf8(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The context of a sink named {@code main} that receives the given streams. */
    private record Context(String runId, List<StreamBinding> streams) implements SinkContext {
        @Override
        public String sinkName() {
            return "main";
        }

        @Override
        public StreamBinding stream(String stream) {
            return streams.stream()
                    .filter(binding -> binding.stream().equals(stream))
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
