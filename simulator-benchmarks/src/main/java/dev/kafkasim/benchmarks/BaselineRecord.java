package dev.kafkasim.benchmarks;

import java.util.SplittableRandom;

/**
 * The hand-written ceiling for record generation: a loop that builds a 5-field JSON record of about 100 bytes, such
 * as {@code {"device_id":"sensor-0042","temperature":21.47,"humidity":55.3,"status":"OK","ts":1767225600005}}, with
 * one seeded {@link SplittableRandom}, a random walk per device in a plain array and one reused
 * {@link StringBuilder}. It returns a new {@code byte[]} per record, as an encoder for a Kafka producer must.
 */
final class BaselineRecord {
    private static final int DEVICES = 300;
    private static final long START_MILLIS = 1_767_225_600_000L;

    private final SplittableRandom random = new SplittableRandom(42);
    private final double[] temperatures = new double[DEVICES];
    private final StringBuilder text = new StringBuilder(128);
    private long sequence;

    BaselineRecord() {
        java.util.Arrays.fill(temperatures, 21.5);
    }

    /** Returns the next record as UTF-8 JSON. */
    byte[] next() {
        int device = random.nextInt(DEVICES);
        double temperature = walk(device);
        double humidity = Math.min(100, Math.max(0, 55 + 8 * random.nextGaussian()));
        text.setLength(0);
        text.append("{\"device_id\":\"sensor-");
        appendPadded(device);
        text.append("\",\"temperature\":");
        appendFixed(temperature, 100);
        text.append(",\"humidity\":");
        appendFixed(humidity, 10);
        text.append(",\"status\":\"").append(status()).append("\",\"ts\":");
        text.append(START_MILLIS + 5 * sequence++).append('}');
        return ascii();
    }

    private double walk(int device) {
        double next = temperatures[device] + (random.nextDouble() * 0.4 - 0.2);
        if (next > 45) {
            next = 90 - next;
        } else if (next < -10) {
            next = -20 - next;
        }
        temperatures[device] = next;
        return next;
    }

    private String status() {
        double draw = random.nextDouble() * 100;
        if (draw < 97) {
            return "OK";
        }
        return draw < 99.5 ? "WARN" : "FAIL";
    }

    private void appendPadded(int value) {
        if (value < 1000) {
            text.append('0');
        }
        if (value < 100) {
            text.append('0');
        }
        if (value < 10) {
            text.append('0');
        }
        text.append(value);
    }

    /** Appends a value rounded to the decimals of a power of ten, such as 100 for two decimals. */
    private void appendFixed(double value, int factor) {
        long scaled = Math.round(value * factor);
        if (scaled < 0) {
            text.append('-');
            scaled = -scaled;
        }
        text.append(scaled / factor).append('.');
        long fraction = scaled % factor;
        if (factor == 100 && fraction < 10) {
            text.append('0');
        }
        text.append(fraction);
    }

    private byte[] ascii() {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }
}
