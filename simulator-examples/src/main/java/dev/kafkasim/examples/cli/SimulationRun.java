package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.RateSchedule;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the command. It validates the scenario and starts an embedded broker unless bootstrap servers are
 * given. Then it runs the engine while the delivery verifier reads the topics back, prints a progress line each
 * second, and ends with the verifier's summary line, after writing the JSON run report when a file is given.
 */
final class SimulationRun {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationRun.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final ClassLoader classLoader;
    private final Path reportFile;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;

    /**
     * Creates a run.
     *
     * @param out where progress and the summary line go
     * @param classLoader the loader of the plugins
     * @param reportFile where the JSON run report goes, or {@code null} for none
     */
    SimulationRun(PrintWriter out, ClassLoader classLoader, Path reportFile) {
        this.out = out;
        this.classLoader = classLoader;
        this.reportFile = reportFile;
    }

    /**
     * Runs a scenario and returns the exit code: 0 when records were generated and every one was read back exactly
     * once, 1 otherwise. Copies sent on purpose by the {@code duplicate} fault are not counted as duplicates.
     *
     * @param scenario the parsed scenario
     * @param overrides the settings from the command line
     * @param bootstrapServers an existing cluster, or {@code null} to start an embedded broker
     * @throws dev.kafkasim.core.ConfigurationException if the scenario or an option is invalid
     * @throws KafkasimException if the broker, a sink or the verifier fails
     */
    int run(Config scenario, ScenarioOverrides overrides, String bootstrapServers) {
        try {
            validate(scenario, overrides, bootstrapServers);
            if (bootstrapServers != null) {
                return runAgainst(bootstrapServers, scenario, overrides);
            }
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
                out.println("embedded Kafka broker at " + broker.bootstrapServers());
                out.flush();
                return runAgainst(broker.bootstrapServers(), scenario, overrides);
            }
        } finally {
            finished.countDown();
        }
    }

    /** Asks a running simulation to stop early and waits until its summary is printed, for Ctrl-C. */
    void stopAndAwait(Duration timeout) throws InterruptedException {
        stopRequested = true;
        finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Parses the scenario once with placeholder bootstrap servers, so that a mistake in it is reported before a
     * broker is started or contacted. Parsing validates every plugin's parameters and connects to nothing.
     */
    private void validate(Config scenario, ScenarioOverrides overrides, String bootstrapServers) {
        String servers = bootstrapServers == null ? "127.0.0.1:9092" : bootstrapServers;
        SimulationSpec spec =
                SimulationSpec.parse(overrides.bootstrapServers(servers).applyTo(scenario), classLoader);
        KafkaSinkRequirement.requireKafkaStream(spec);
    }

    /**
     * Runs the scenario against a cluster. The {@code kafka} sinks create missing topics when they open, with
     * settings that keep records stamped in the past or future, and the verifier reads topics once they appear.
     */
    private int runAgainst(String bootstrapServers, Config scenario, ScenarioOverrides overrides) {
        SimulationSpec spec = SimulationSpec.parse(
                overrides.bootstrapServers(bootstrapServers).applyTo(scenario), classLoader);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(spec)
                .classLoader(classLoader)
                .meterRegistry(registry)
                .build()) {
            List<StreamStats> verified = kafkaStreams(spec, engine.stats());
            List<String> topics =
                    verified.stream().map(StreamStats::topic).distinct().toList();
            printPlan(spec, verified);

            DeliveryVerifier.Builder verifierBuilder = DeliveryVerifier.builder()
                    .bootstrapServers(bootstrapServers)
                    .runId(engine.runId())
                    .topics(topics);
            clientSecurity(spec).forEach(verifierBuilder::consumerProperty);
            try (DeliveryVerifier verifier = verifierBuilder.build()) {
                if (stopRequested) {
                    throw new KafkasimException("interrupted before the simulation started");
                }
                // The sinks open first, so an unreachable cluster fails once, in the sink. The verifier reads every
                // topic from its beginning, so it misses no record sent before it starts.
                engine.start();
                // The run's time starts once the sinks are open and the first record is due, so that opening the
                // sinks does not lower the achieved rate in the report.
                Instant startedAt = Instant.now();
                long startNanos = System.nanoTime();
                verifier.start();
                monitor(engine, verifier, verified);
                engine.stop();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                throwIfFailed(engine);
                EngineStats stats = engine.stats();
                DeliveryReport report = verifier.awaitReport(expected(stats, verified), VERIFY_TIMEOUT);
                boolean passed = passed(stats, verified, report);
                String summary = summaryLine(stats, verified, report);
                if (reportFile != null) {
                    new RunReport(new RunReport.Run(
                                    spec,
                                    engine.runId(),
                                    bootstrapServers,
                                    startedAt,
                                    elapsed,
                                    stats,
                                    verified,
                                    report,
                                    registry,
                                    passed,
                                    summary))
                            .writeTo(reportFile);
                    out.println("run report written to " + reportFile);
                }
                out.println(summary);
                if (stats.generated() == 0) {
                    out.println("kafkasim: no records were generated; check the streams' count, duration and rate");
                }
                out.flush();
                return passed ? 0 : 1;
            }
        }
    }

    private void monitor(SimulatorEngine engine, DeliveryVerifier verifier, List<StreamStats> verified) {
        long startNanos = System.nanoTime();
        long previousNanos = startNanos;
        long previousGenerated = 0;
        boolean completed = false;
        while (!completed && !stopRequested) {
            completed = engine.awaitCompletion(PROGRESS_INTERVAL);
            throwIfFailed(engine);

            EngineStats stats = engine.stats();
            long now = System.nanoTime();
            long consumed = verifier.report(expected(stats, verified)).consumed();
            double seconds = Math.max(1e-3, (now - previousNanos) / 1e9);
            double rate = (stats.generated() - previousGenerated) / seconds;
            out.printf(
                    Locale.ROOT,
                    "elapsed=%ds generated=%d acknowledged=%d failed=%d consumed=%d rate=%.0f/s%n",
                    Math.round((now - startNanos) / 1e9),
                    stats.generated(),
                    stats.acknowledged(),
                    stats.failed(),
                    consumed,
                    rate);
            out.flush();
            previousNanos = now;
            previousGenerated = stats.generated();
        }
        if (stopRequested) {
            LOG.info("Stopping early on request");
        }
    }

    /** Returns the line {@code verified: generated=N acknowledged=N consumed=N missing=N duplicates=N}. */
    private static String summaryLine(EngineStats stats, List<StreamStats> verified, DeliveryReport report) {
        long generated = 0;
        long acknowledged = 0;
        for (StreamStats stream : verified) {
            StreamStats streamStats = stats.stream(stream.stream());
            generated += streamStats.generated();
            acknowledged += streamStats.acknowledged();
        }
        return report.summaryLine(generated, acknowledged);
    }

    /**
     * Returns whether the run passed: records were generated, none is missing and none without a fault header
     * arrived twice. Faults such as {@code duplicate} and {@code out-of-order} are injected on purpose and pass.
     */
    private static boolean passed(EngineStats stats, List<StreamStats> verified, DeliveryReport report) {
        long generated = verified.stream()
                .mapToLong(stream -> stats.stream(stream.stream()).generated())
                .sum();
        return generated > 0 && report.missing() == 0 && report.duplicates() == 0;
    }

    private void printPlan(SimulationSpec spec, List<StreamStats> verified) {
        StringBuilder line = new StringBuilder("running ");
        for (int i = 0; i < verified.size(); i++) {
            StreamStats stream = verified.get(i);
            line.append(i == 0 ? "" : ", ")
                    .append(stream.stream())
                    .append(" -> ")
                    .append(stream.topic())
                    .append(describeRate(spec.streams().get(stream.stream()).schedule()));
        }
        line.append("; clock ")
                .append(spec.clock().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (spec.duration() != null) {
            line.append(", duration ").append(formatDuration(spec.duration()));
        }
        if (spec.count() != null) {
            line.append(", count ").append(spec.count());
        }
        line.append("; seed ").append(spec.seed());
        out.println(line);
        out.flush();
    }

    /** Returns the streams whose sink is a {@code kafka} sink: the ones the verifier can read back. */
    private static List<StreamStats> kafkaStreams(SimulationSpec spec, EngineStats stats) {
        List<StreamStats> streams = stats.streams().values().stream()
                .filter(stream -> KafkaSinkRequirement.isKafkaSink(spec.sinks().get(stream.sink())))
                .toList();
        if (streams.isEmpty()) {
            throw new KafkasimException("no stream of the scenario writes to a sink of type kafka, so there is nothing"
                    + " to verify; declare a sink { type = kafka } or remove the scenario's sinks");
        }
        return streams;
    }

    /**
     * Returns the security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) of the first
     * {@code kafka} sink's producer block that has any, so that the verifier's consumer connects the way the
     * producer does.
     */
    private static Map<String, String> clientSecurity(SimulationSpec spec) {
        // NOTE: one set of settings serves the verifier, so kafka sinks with different credentials cannot all be
        // read back.
        for (Config sink : spec.sinks().values()) {
            if (!KafkaSinkRequirement.isKafkaSink(sink) || !sink.hasPath("producer")) {
                continue;
            }
            Map<String, String> security = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigValue> entry :
                    sink.getConfig("producer").entrySet()) {
                String name = String.join(".", ConfigUtil.splitPath(entry.getKey()));
                if (name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                    security.put(name, String.valueOf(entry.getValue().unwrapped()));
                }
            }
            if (!security.isEmpty()) {
                return security;
            }
        }
        return Map.of();
    }

    private static Map<String, Long> expected(EngineStats stats, List<StreamStats> verified) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (StreamStats stream : verified) {
            expected.put(stream.stream(), stats.stream(stream.stream()).sequences());
        }
        return expected;
    }

    private static void throwIfFailed(SimulatorEngine engine) {
        engine.failure().ifPresent(failure -> {
            throw failure instanceof KafkasimException known
                    ? known
                    : new KafkasimException("the simulation failed: " + failure.getMessage(), failure);
        });
    }

    private static String describeRate(RateSchedule schedule) {
        return schedule instanceof RateSchedule.Constant constant
                ? " at " + constant.rate()
                : " with rate schedule " + schedule;
    }

    /** Returns a duration as HOCON writes it, such as {@code 10s}, {@code 2m} or {@code 1500ms}. */
    private static String formatDuration(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
