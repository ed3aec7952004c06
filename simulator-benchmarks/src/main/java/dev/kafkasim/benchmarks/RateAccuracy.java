package dev.kafkasim.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.SimulatorEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the 100-byte sensor stream on the real-time clock at constant rates and prints, per rate, the achieved rate
 * and its error, and the schedule lag: for each record, its send time minus its scheduled time. Record {@code n}
 * of a constant rate {@code r} is due {@code n / r} seconds after the schedule's start. The engine never sends a
 * record before it is due, so the start is taken as the earliest of {@code sendTime(n) - n / r} over all records:
 * the record that was most on time has lag 0 and no record has a negative lag. The achieved rate is the number of
 * intervals between records divided by the time from the first send to the last. Each line has the form
 * {@code kafkasim rate R achieved A error E% lag p50 X ms p99 Y ms max Z ms}.
 *
 * <p>Arguments: {@code --rates 1000,10000,100000} (records per second), {@code --seconds 10}.
 */
public final class RateAccuracy {
    private RateAccuracy() {}

    /**
     * Runs each rate once, in the order given.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        String[] rates =
                KafkaSinkRun.argument(args, "--rates", "1000,10000,100000").split(",");
        int seconds = Integer.parseInt(KafkaSinkRun.argument(args, "--seconds", "10"));
        runOnce(1000, 1);
        for (String rate : rates) {
            report(Integer.parseInt(rate.trim()), runOnce(Integer.parseInt(rate.trim()), seconds));
        }
    }

    /** Runs one rate for a number of seconds and returns each record's send time. */
    private static long[] runOnce(int rate, int seconds) {
        int count = rate * seconds;
        Config scenario = ConfigFactory.parseString("simulation { clock = real-time, count = " + count
                        + ", streams.sensors.rate = \"" + rate + "/s\" }")
                .withFallback(Scenarios.virtual(Scenarios.SENSORS_100_BYTES, count));
        SendTimeSink sink = new SendTimeSink(count);
        try (SimulatorEngine engine =
                SimulatorEngine.builder().config(scenario).sink("main", sink).build()) {
            engine.start();
            if (!engine.awaitCompletion(Duration.ofSeconds(seconds * 3L + 30))) {
                throw new IllegalStateException("the run at " + rate + "/s did not finish in time");
            }
        }
        return sink.sendNanos();
    }

    private static void report(int rate, long[] sendNanos) {
        int n = sendNanos.length;
        double gapNanos = 1e9 / rate;
        double start = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            start = Math.min(start, sendNanos[i] - i * gapNanos);
        }
        double[] lagMillis = new double[n];
        for (int i = 0; i < n; i++) {
            lagMillis[i] = (sendNanos[i] - (start + i * gapNanos)) / 1e6;
        }
        double achieved = (n - 1) / ((sendNanos[n - 1] - sendNanos[0]) / 1e9);
        Arrays.sort(lagMillis);
        System.out.printf(
                Locale.ROOT,
                "kafkasim rate %d achieved %.1f error %.3f%% lag p50 %.3f ms p99 %.3f ms max %.3f ms%n",
                rate,
                achieved,
                100 * Math.abs(achieved - rate) / rate,
                lagMillis[n / 2],
                lagMillis[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)],
                lagMillis[n - 1]);
    }
}
