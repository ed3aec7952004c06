package dev.kafkasim.benchmarks;

import dev.kafkasim.core.SimulatorEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the {@link RecordBenchmark} methods in alternation, one fork each per round, and prints each round's
 * records per second, the medians and the ratio of kafkasim to the hand-written baseline. Its last line is
 * {@code generation-ratio engine X direct Y}.
 *
 * <p>Arguments: {@code --quick} for one short round, {@code --rounds N} for N rounds (default 5).
 */
public final class GenerationRatio {
    private static final List<String> METHODS = List.of("baseline", "engineVirtualTime", "generateAndEncode");

    private GenerationRatio() {}

    /**
     * Runs the comparison.
     *
     * @param args {@code --quick} or {@code --rounds N}
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        int rounds = quick ? 1 : intArgument(args, "--rounds", 5);
        printSizes();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        METHODS.forEach(method -> scores.put(method, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (String method : METHODS) {
                double score = run(method, quick);
                scores.get(method).add(score);
                System.out.printf(Locale.ROOT, "round %d %-18s %,14.0f records/s%n", round, method, score);
            }
        }
        printMedians(scores);
    }

    private static double run(String method, boolean quick) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RecordBenchmark.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static void printSizes() {
        DiscardingSink sink = new DiscardingSink();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .config(Scenarios.virtual(Scenarios.IOT_SENSORS, 10_000))
                .sink("main", sink)
                .build()) {
            engine.start();
            engine.awaitCompletion(Duration.ofMinutes(1));
        }
        BaselineRecord baseline = new BaselineRecord();
        long baselineBytes = 0;
        for (int i = 0; i < 10_000; i++) {
            baselineBytes += baseline.next().length;
        }
        System.out.printf(
                Locale.ROOT,
                "bytes per record: iot-sensors key+value %.1f, baseline value %.1f%n",
                (double) sink.bytes() / sink.records(),
                baselineBytes / 10_000.0);
    }

    private static void printMedians(Map<String, List<Double>> scores) {
        double baseline = Medians.of(scores.get("baseline"));
        double engine = Medians.of(scores.get("engineVirtualTime"));
        double direct = Medians.of(scores.get("generateAndEncode"));
        System.out.printf(Locale.ROOT, "median baseline          %,14.0f records/s%n", baseline);
        System.out.printf(Locale.ROOT, "median engineVirtualTime %,14.0f records/s%n", engine);
        System.out.printf(Locale.ROOT, "median generateAndEncode %,14.0f records/s%n", direct);
        System.out.printf(
                Locale.ROOT, "generation-ratio engine %.3f direct %.3f%n", engine / baseline, direct / baseline);
    }

    static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
