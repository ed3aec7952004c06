package dev.kafkasim.examples.streams;

import dev.kafkasim.core.SimRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected output of {@link SensorAnomalies} for given readings, following Kafka Streams' rules for tumbling
 * windows. The stream time is the highest timestamp seen. A reading whose window ends at or before the stream time
 * minus the grace period is dropped. A window is final once its end plus the grace period is at or before the stream
 * time.
 */
final class SensorModel {
    /** Every window that accepted a reading, by output key, in first-seen order. */
    final Map<String, Window> windows = new LinkedHashMap<>();

    /** One entry per accepted reading: the output key with the window's count and average after it. */
    final List<String> updates = new ArrayList<>();

    /** The readings dropped because their window had closed. */
    final List<SimRecord> dropped = new ArrayList<>();

    /** The readings counted in a window. */
    final List<SimRecord> accepted = new ArrayList<>();

    private final long size;
    private final long grace;
    private long streamTime = Long.MIN_VALUE;

    /** The expected state of one window: its count and sum in arrival order. */
    static final class Window {
        final long start;
        long count;
        double sum;

        Window(long start) {
            this.start = start;
        }

        double average() {
            return sum / count;
        }
    }

    private SensorModel(long size, long grace) {
        this.size = size;
        this.grace = grace;
    }

    /** Replays readings in the order the application received them. */
    static SensorModel replay(List<SimRecord> readings, long sizeMillis, long graceMillis) {
        SensorModel model = new SensorModel(sizeMillis, graceMillis);
        readings.forEach(model::add);
        return model;
    }

    /** Returns an update as the test compares it: key, count and average. */
    static String update(String key, long count, double average) {
        return key + " count=" + count + " average=" + average;
    }

    /** Returns whether a window is final: its end plus the grace period lies at or before the stream time. */
    boolean closed(Window window) {
        return window.start + size + grace <= streamTime;
    }

    private void add(SimRecord reading) {
        long timestamp = reading.timestamp();
        streamTime = Math.max(streamTime, timestamp);
        long start = timestamp - timestamp % size;
        if (start + size <= streamTime - grace) {
            dropped.add(reading);
            return;
        }
        String key = reading.key() + "@" + start;
        Window window = windows.computeIfAbsent(key, k -> new Window(start));
        window.count++;
        window.sum += ((Number) reading.recordValue().get("temperature")).doubleValue();
        accepted.add(reading);
        updates.add(update(key, window.count, window.average()));
    }
}
