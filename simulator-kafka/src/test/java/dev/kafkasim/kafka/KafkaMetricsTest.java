package dev.kafkasim.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.SimulatorMetrics;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the engine into the embedded broker and reads the meters of the engine, the sink and the verifier. */
class KafkaMetricsTest {
    private static final String TOPIC = "metrics-test.sensors";
    private static final int COUNT = 500;
    private static final Path METRICS_DOC = Path.of("..", "docs", "metrics.md");

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void metersHaveNamesTagsAndCounts() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Tags tags = SimulatorMetrics.streamTags("sensors", TOPIC, "main");

        try (SimulatorEngine engine = SimulatorEngine.builder()
                        .config(scenario())
                        .meterRegistry(registry)
                        .build();
                DeliveryVerifier verifier = verifier(engine.runId(), registry)) {
            engine.start();
            verifier.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(120))).isTrue();
            DeliveryReport report = verifier.awaitReport(Map.of("sensors", (long) COUNT), Duration.ofSeconds(60));

            assertThat(report.consumed()).isEqualTo(COUNT);
            assertThat(functionCount(registry, SimulatorMetrics.RECORDS_GENERATED, tags))
                    .isEqualTo(COUNT);
            assertThat(functionCount(registry, SimulatorMetrics.RECORDS_SENT, tags))
                    .isEqualTo(COUNT);
            assertThat(functionCount(registry, SimulatorMetrics.RECORDS_ACKNOWLEDGED, tags))
                    .isEqualTo(COUNT);
            assertThat(functionCount(registry, SimulatorMetrics.RECORDS_FAILED, tags))
                    .isZero();
            assertThat(registry.get(SimulatorMetrics.RATE_TARGET)
                            .tags(tags)
                            .gauge()
                            .value())
                    .isEqualTo(1000.0);
            assertThat(registry.get(SimulatorMetrics.RATE_ACHIEVED)
                            .tags(tags)
                            .gauge()
                            .getId()
                            .getBaseUnit())
                    .isEqualTo("records.per.second");
            assertThat(registry.get(SimulatorMetrics.SCHEDULE_LAG)
                            .tags(tags)
                            .timeGauge()
                            .baseTimeUnit())
                    .isEqualTo(TimeUnit.SECONDS);

            Timer sendLatency =
                    registry.get(SimulatorMetrics.SEND_LATENCY).tags(tags).timer();
            assertThat(sendLatency.count()).isEqualTo(COUNT);
            assertThat(percentiles(sendLatency)).containsExactly(0.5, 0.95, 0.99);

            Counter bytesSent =
                    registry.get(SimulatorMetrics.BYTES_SENT).tags(tags).counter();
            assertThat(bytesSent.getId().getBaseUnit()).isEqualTo("bytes");
            assertThat(bytesSent.count()).isGreaterThan(COUNT * 20.0);

            Tags verifierTags = Tags.of("stream", "sensors", "topic", TOPIC);
            Counter consumed = registry.get(SimulatorMetrics.RECORDS_CONSUMED)
                    .tags(verifierTags)
                    .counter();
            assertThat(consumed.count()).isEqualTo(COUNT);
            Timer endToEnd = registry.get(SimulatorMetrics.END_TO_END_LATENCY)
                    .tags(verifierTags)
                    .timer();
            assertThat(endToEnd.count()).isEqualTo(COUNT);
            assertThat(percentiles(endToEnd)).containsExactly(0.5, 0.95, 0.99);
            assertThat(report.endToEndLatency().count()).isEqualTo(COUNT);

            assertThat(registry.find(SimulatorMetrics.SEND_LATENCY + ".percentile")
                            .tags(tags)
                            .tag("phi", "0.99")
                            .gauge())
                    .isNotNull();

            String document = Files.readString(METRICS_DOC);
            Set<String> tabled = documentedMeterNames();
            for (Meter meter : registry.getMeters()) {
                String name = meter.getId().getName();
                if (name.endsWith(".percentile")) {
                    // Percentile gauges that a registry without native percentiles adds next to each timer.
                    assertThat(document).as(name).contains("`" + name + "`");
                } else {
                    assertThat(tabled).as(name).contains(name);
                }
            }
        }

        assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    }

    @Test
    void countersUseRecordsAsBaseUnit() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (SimulatorEngine engine = SimulatorEngine.builder()
                .config(scenario())
                .meterRegistry(registry)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(120))).isTrue();

            for (String name : List.of(
                    SimulatorMetrics.RECORDS_GENERATED,
                    SimulatorMetrics.RECORDS_SENT,
                    SimulatorMetrics.RECORDS_ACKNOWLEDGED,
                    SimulatorMetrics.RECORDS_FAILED)) {
                assertThat(registry.get(name).functionCounter().getId().getBaseUnit())
                        .as(name)
                        .isEqualTo("records");
            }
            assertThat(registry.get(SimulatorMetrics.RATE_TARGET)
                            .gauge()
                            .getId()
                            .getBaseUnit())
                    .isEqualTo("records.per.second");
        }
    }

    @Test
    void documentNamesEveryMeterConstant() throws IOException {
        Set<String> constants = new TreeSet<>();
        for (Field field : SimulatorMetrics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().endsWith("_TAG")) {
                constants.add((String) readConstant(field));
            }
        }

        assertThat(constants).allSatisfy(name -> assertThat(name).startsWith("kafkasim."));
        assertThat(documentedMeterNames()).containsExactlyInAnyOrderElementsOf(constants);
    }

    /** Returns the meter names in the first column of the tables in docs/metrics.md. */
    private static Set<String> documentedMeterNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `(kafkasim\\.[a-z.-]+)` \\|", Pattern.MULTILINE)
                .matcher(Files.readString(METRICS_DOC));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static Object readConstant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }

    private static double functionCount(SimpleMeterRegistry registry, String name, Tags tags) {
        FunctionCounter counter = registry.get(name).tags(tags).functionCounter();
        return counter.count();
    }

    private static List<Double> percentiles(Timer timer) {
        return Arrays.stream(timer.takeSnapshot().percentileValues())
                .map(ValueAtPercentile::percentile)
                .toList();
    }

    private static DeliveryVerifier verifier(String runId, SimpleMeterRegistry registry) {
        return DeliveryVerifier.builder()
                .bootstrapServers(broker.bootstrapServers())
                .runId(runId)
                .topics(List.of(TOPIC))
                .meterRegistry(registry)
                .build();
    }

    private static Config scenario() {
        String hocon = """
                simulation {
                  seed = 11
                  clock = virtual
                  start-time = "2026-01-01T00:00:00Z"
                  sinks.main { type = kafka, bootstrap-servers = "%s", partitions = 2 }
                  streams.sensors {
                    topic = %s
                    rate = 1000/s
                    count = %d
                    key = device_id
                    format = json
                    fields {
                      device_id { type = pattern, format = "sensor-%%04d", cardinality = 20 }
                      humidity { type = normal, mean = 55, stddev = 8 }
                    }
                  }
                }
                """.formatted(broker.bootstrapServers(), TOPIC, COUNT);
        return ConfigFactory.parseString(hocon).resolve();
    }
}
