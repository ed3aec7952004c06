package dev.kafkasim.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Draws the records per second of a bursty and a diurnal schedule as SVG charts, from records the engine really
 * generated. The charts land in {@code target/schedule-plots}; copy them to {@code docs/images} to refresh the
 * pictures in docs/traffic.md.
 */
class SchedulePlotTest {

    private static final long START = 1767225600000L;
    private static final Path OUT = Path.of("target", "schedule-plots");

    @Test
    void drawsBurstsChart() throws Exception {
        long[] counts = countsPer(
                "rate { type = bursts, base = 200/s, peak = 1500/s, period = 20s, burst = 4s }, duration = 60s",
                1000,
                60);

        Path file = write("bursts.svg", chart("bursts: base 200/s, peak 1500/s, 4 s in every 20 s", "second", counts));

        assertThat(counts[0]).isEqualTo(1500);
        assertThat(counts[10]).isEqualTo(200);
        assertThat(Files.readString(file)).contains("<polyline");
    }

    @Test
    void drawsDiurnalChart() throws Exception {
        // A 24-hour sine at 60x speed would take 24 minutes in real time; in virtual time it takes a moment.
        long[] counts = countsPer(
                "rate { type = sine, mean = 50/s, amplitude = 40/s, period = 24h, phase = 18h }, duration = 24h",
                3_600_000,
                24);

        Path file = write("diurnal.svg", chart("sine: mean 50/s, amplitude 40/s, period 24 h", "hour", counts));

        assertThat(counts[0]).isLessThan(counts[12]);
        assertThat(Files.readString(file)).contains("<polyline");
    }

    private static long[] countsPer(String rate, long bucketMillis, int buckets) {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  start-time = "2026-01-01T00:00:00Z"
                  streams.s { %s, fields { id = counter } }
                }
                """.formatted(rate), "plot.conf");
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofMinutes(2))).isTrue();
        }
        long[] counts = new long[buckets];
        List<SimRecord> records = sink.records();
        for (SimRecord record : records) {
            int bucket = (int) ((record.timestamp() - START) / bucketMillis);
            if (bucket < buckets) {
                counts[bucket]++;
            }
        }
        return counts;
    }

    private static Path write(String name, String svg) throws Exception {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        Files.writeString(file, svg);
        return file;
    }

    /** Renders counts per bucket as a line chart with axes and a title, 640 by 320 pixels. */
    private static String chart(String title, String unit, long[] counts) {
        int width = 640;
        int height = 320;
        int left = 70;
        int bottom = 40;
        int top = 40;
        long max = 1;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            double x = left + (width - left - 20) * (i + 0.5) / counts.length;
            double y = height - bottom - (height - bottom - top) * (double) counts[i] / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n",
                width,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", left, title));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                height - bottom,
                width - 20,
                height - bottom));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                top,
                left,
                height - bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%d</text>%n", top + 4, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">0</text>%n", height - bottom));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\">records per %s, over %d %ss of event time</text>%n",
                left,
                height - 12,
                unit,
                counts.length,
                unit));
        svg.append(String.format(
                Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"%s\"/>%n",
                points.toString().trim()));
        svg.append("</svg>\n");
        return svg.toString();
    }
}
