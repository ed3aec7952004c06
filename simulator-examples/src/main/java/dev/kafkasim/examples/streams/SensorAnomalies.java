package dev.kafkasim.examples.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Sensor anomaly detection: the average temperature of each device in tumbling event-time windows, with a grace
 * period for late readings.
 *
 * <p>Reads JSON readings keyed by device id, such as those of the bundled {@code iot-sensors} scenario, from
 * {@link #READINGS}. Writes every update of a window's average to {@link #AVERAGES} and, once a window has closed
 * (its end plus the grace period lies at or behind the stream time), writes it to {@link #ANOMALIES} if its average
 * is above the threshold. Kafka Streams drops a reading whose window has closed. A reading late by more than the
 * grace period may still fall in a window that is open, and is then counted.
 *
 * <p>Output keys are {@code device@windowStartMillis}; values are JSON objects with {@code device},
 * {@code window_start}, {@code count} and {@code average}.
 */
public final class SensorAnomalies {
    /** The input topic of readings. */
    public static final String READINGS = "iot.sensors";

    /** The output topic of window averages, updated with every accepted reading. */
    public static final String AVERAGES = "sensors.averages";

    /** The output topic of closed windows whose average is above the threshold. */
    public static final String ANOMALIES = "sensors.anomalies";

    private final Duration windowSize;
    private final Duration grace;
    private final double threshold;

    /**
     * Creates the application.
     *
     * @param windowSize the length of each tumbling window
     * @param grace how long after a window's end late readings are still counted
     * @param threshold the average temperature above which a closed window is an anomaly
     */
    public SensorAnomalies(Duration windowSize, Duration grace, double threshold) {
        this.windowSize = Objects.requireNonNull(windowSize, "windowSize");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.threshold = threshold;
    }

    /** Builds the topology on the default topics {@link #READINGS}, {@link #AVERAGES} and {@link #ANOMALIES}. */
    public Topology topology() {
        return topology(READINGS, AVERAGES, ANOMALIES);
    }

    /**
     * Builds the topology on the given topics.
     *
     * @param readings the input topic of readings
     * @param averages the output topic of window averages
     * @param anomalies the output topic of closed windows above the threshold
     */
    public Topology topology(String readings, String averages, String anomalies) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<Windowed<String>, WindowStats> windows = builder.stream(
                        readings, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> Json.parse(value).path("temperature").asDouble())
                .groupByKey(Grouped.with(Serdes.String(), Serdes.Double()))
                .windowedBy(TimeWindows.ofSizeAndGrace(windowSize, grace))
                .aggregate(
                        WindowStats::empty,
                        (device, temperature, stats) -> stats.add(temperature),
                        Materialized.<String, WindowStats, WindowStore<Bytes, byte[]>>as("sensor-windows")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(WindowStats.serde()));

        windows.toStream()
                .map((window, stats) -> KeyValue.pair(key(window), toJson(window, stats)))
                .to(averages, Produced.with(Serdes.String(), Serdes.String()));

        windows.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName("sensor-closed-windows"))
                .toStream()
                .filter((window, stats) -> stats.average() > threshold)
                .map((window, stats) -> KeyValue.pair(key(window), toJson(window, stats)))
                .to(anomalies, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static String key(Windowed<String> window) {
        return window.key() + "@" + window.window().start();
    }

    private static String toJson(Windowed<String> window, WindowStats stats) {
        ObjectNode node = Json.object();
        node.put("device", window.key());
        node.put("window_start", window.window().start());
        node.put("count", stats.count());
        node.put("average", stats.average());
        return Json.write(node);
    }

    /**
     * The count and sum of a window's temperatures, added in arrival order.
     *
     * @param count the number of readings
     * @param sum the sum of their temperatures
     */
    public record WindowStats(long count, double sum) {
        /** Returns the stats of an empty window. */
        public static WindowStats empty() {
            return new WindowStats(0, 0.0);
        }

        /** Returns these stats with one more reading. */
        public WindowStats add(double temperature) {
            return new WindowStats(count + 1, sum + temperature);
        }

        /** Returns the mean temperature, or NaN for an empty window. */
        public double average() {
            return sum / count;
        }

        /** Returns a serde that writes {@code count;sum}, keeping the sum's exact double value. */
        static Serde<WindowStats> serde() {
            return Serdes.serdeFrom(
                    (topic, stats) -> stats == null
                            ? null
                            : Serdes.String().serializer().serialize(topic, stats.count() + ";" + stats.sum()),
                    (topic, bytes) -> bytes == null
                            ? null
                            : parse(Serdes.String().deserializer().deserialize(topic, bytes)));
        }

        private static WindowStats parse(String text) {
            int separator = text.indexOf(';');
            return new WindowStats(
                    Long.parseLong(text.substring(0, separator)), Double.parseDouble(text.substring(separator + 1)));
        }
    }
}
