package dev.kafkasim.examples.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.junit.BootstrapServers;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Topic;
import dev.kafkasim.kafka.junit.TopicName;
import dev.kafkasim.kafka.streams.TopologyTestDriverSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the bundled IoT scenario, with late readings inside and beyond the 10-second grace period, through the
 * anomaly application: once through {@code TopologyTestDriver} and once on the embedded broker. Both paths check
 * every window update against {@link SensorModel}, a replay of the readings the scenario emitted.
 */
@KafkaSimTest(
        scenario = "iot-sensors",
        overrides = SensorAnomaliesTest.OVERRIDES,
        uniqueTopics = true,
        topics = {
            @Topic(stream = "sensors"),
            @Topic(name = SensorAnomalies.AVERAGES),
            @Topic(name = SensorAnomalies.ANOMALIES)
        })
class SensorAnomaliesTest {
    /** 600 readings of 4 devices over 30 seconds of event time: a dozen windows, a few dozen late readings. */
    static final String OVERRIDES = """
            simulation {
              clock = virtual
              streams.sensors {
                count = 600
                rate = 20/s
                fields.device_id.cardinality = 4
                faults.late { grace = 10s, within-grace = 0.05, beyond-grace = 0.05, max-delay = 30s }
              }
            }
            """;

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(10);

    @TopicName("sensors")
    String readingsTopic;

    @TopicName(SensorAnomalies.AVERAGES)
    String averagesTopic;

    @TopicName(SensorAnomalies.ANOMALIES)
    String anomaliesTopic;

    @Test
    void driverDropsOnlyReadingsBeyondGrace(SimulatorEngine engine) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        SensorModel model = SensorModel.replay(emitted, WINDOW.toMillis(), GRACE.toMillis());
        double threshold = medianOfClosedAverages(model);
        List<SimRecord> piped;
        List<TestRecord<String, String>> averages;
        List<TestRecord<String, String>> anomalies;

        try (TopologyTestDriver driver = StreamsTesting.driver(topology(threshold), "sensor-anomalies")) {
            TopologyTestDriverSink sink =
                    TopologyTestDriverSink.builder(driver).retainPipedRecords().build();
            StreamsTesting.run(engine.spec(), sink);
            piped = sink.pipedRecords();
            averages = StreamsTesting.output(driver, averagesTopic);
            anomalies = StreamsTesting.output(driver, anomaliesTopic);
        }

        assertThat(piped).isEqualTo(emitted);
        assertLateReadingsHandled(model);
        assertThat(updates(averages)).isEqualTo(model.updates);
        assertThat(windows(anomalies)).isEqualTo(expectedAnomalies(model, threshold));
    }

    @Test
    void brokerGivesSameWindows(SimulatorEngine engine, @BootstrapServers String bootstrapServers) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        SensorModel model = SensorModel.replay(emitted, WINDOW.toMillis(), GRACE.toMillis());
        double threshold = medianOfClosedAverages(model);
        List<TestRecord<String, String>> averages;
        List<TestRecord<String, String>> anomalies;

        StreamsTesting.run(engine);
        try (StreamsOnBroker app = StreamsOnBroker.start(topology(threshold), bootstrapServers, "sensor-anomalies")) {
            app.awaitProcessed(readingsTopic);
            averages = app.readAll(averagesTopic);
            anomalies = app.readAll(anomaliesTopic);
        }

        assertLateReadingsHandled(model);
        assertThat(updates(averages)).isEqualTo(model.updates);
        assertThat(windows(anomalies)).isEqualTo(expectedAnomalies(model, threshold));
    }

    private Topology topology(double threshold) {
        return new SensorAnomalies(WINDOW, GRACE, threshold).topology(readingsTopic, averagesTopic, anomaliesTopic);
    }

    /** Checks that late readings within grace were counted, and that every dropped reading was late beyond grace. */
    private static void assertLateReadingsHandled(SensorModel model) {
        assertThat(model.accepted).anyMatch(r -> "late-within-grace".equals(r.fault()));
        assertThat(model.dropped).isNotEmpty();
        assertThat(model.dropped).allMatch(r -> "late-beyond-grace".equals(r.fault()));
    }

    /** Returns the output as the model writes its updates, in output order. */
    private static List<String> updates(List<TestRecord<String, String>> records) {
        return records.stream()
                .map(record -> {
                    JsonNode value = StreamsTesting.json(record.value());
                    return SensorModel.update(
                            record.key(),
                            value.get("count").asLong(),
                            value.get("average").asDouble());
                })
                .toList();
    }

    /** Returns each output window's count and average by key. */
    private static Map<String, String> windows(List<TestRecord<String, String>> records) {
        Map<String, String> windows = new TreeMap<>();
        StreamsTesting.table(records).forEach((key, value) -> {
            JsonNode json = StreamsTesting.json(value);
            windows.put(
                    key,
                    SensorModel.update(
                            key, json.get("count").asLong(), json.get("average").asDouble()));
        });
        return windows;
    }

    /** Returns the closed windows whose average is above the threshold, as {@link #windows} gives them. */
    private static Map<String, String> expectedAnomalies(SensorModel model, double threshold) {
        Map<String, String> expected = new TreeMap<>();
        model.windows.forEach((key, window) -> {
            if (model.closed(window) && window.average() > threshold) {
                expected.put(key, SensorModel.update(key, window.count, window.average()));
            }
        });
        return expected;
    }

    /** Picks a threshold that half of the closed windows exceed, so that the anomaly output is never trivial. */
    private static double medianOfClosedAverages(SensorModel model) {
        List<Double> averages = model.windows.values().stream()
                .filter(model::closed)
                .map(SensorModel.Window::average)
                .sorted()
                .toList();
        assertThat(averages).hasSizeGreaterThan(4);
        return averages.get(averages.size() / 2);
    }
}
