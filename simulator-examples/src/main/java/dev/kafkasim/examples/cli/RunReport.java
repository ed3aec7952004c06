package dev.kafkasim.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorMetrics;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.LatencySummary;
import dev.kafkasim.kafka.verify.OrderViolation;
import dev.kafkasim.kafka.verify.StreamReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JSON document that {@code kafkasim --report FILE} writes at the end of a run: per-stream counts, target and
 * achieved rates, send and end-to-end latency percentiles, the faults injected and read back by kind, and the
 * delivery verifier's findings, with the summary line the command prints.
 *
 * <p>It contains counts, rates, latencies, names and the bootstrap servers, and no sink or producer property, so a
 * password or key in the scenario never reaches the file.
 */
final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    /** The facts of one finished run that the report is built from. */
    record Run(
            SimulationSpec spec,
            String runId,
            String bootstrapServers,
            Instant startedAt,
            Duration elapsed,
            EngineStats stats,
            List<StreamStats> verifiedStreams,
            DeliveryReport delivery,
            MeterRegistry registry,
            boolean verified,
            String summaryLine) {}

    RunReport(Run run) {
        root.put("runId", run.runId());
        root.put("seed", run.spec().seed());
        root.put("clock", run.spec().clock().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.put("bootstrapServers", run.bootstrapServers());
        root.put("startedAt", run.startedAt().toString());
        root.put("elapsedSeconds", seconds(run.elapsed()));
        root.put("verified", run.verified());
        root.put("summary", run.summaryLine());
        totals(run);
        ArrayNode streams = root.putArray("streams");
        for (StreamStats stream : run.verifiedStreams()) {
            stream(streams.addObject(), run, run.stats().stream(stream.stream()));
        }
    }

    /** Returns the report as indented JSON. */
    String toJson() {
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new KafkasimException("could not render the run report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report to a file through a temporary file in the same directory, so a reader never sees half a
     * report.
     *
     * @throws KafkasimException if the file cannot be written
     */
    void writeTo(Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), ".kafkasim-report", ".tmp");
            Files.writeString(temporary, toJson() + System.lineSeparator());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new KafkasimException("could not write the run report to " + file + ": " + e, e);
        }
    }

    private void totals(Run run) {
        ObjectNode totals = root.putObject("totals");
        long generated = 0;
        long acknowledged = 0;
        long failed = 0;
        for (StreamStats stream : run.verifiedStreams()) {
            StreamStats stats = run.stats().stream(stream.stream());
            generated += stats.generated();
            acknowledged += stats.acknowledged();
            failed += stats.failed();
        }
        DeliveryReport delivery = run.delivery();
        totals.put("generated", generated);
        totals.put("acknowledged", acknowledged);
        totals.put("failed", failed);
        totals.put("consumed", delivery.consumed());
        totals.put("missing", delivery.missing());
        totals.put("duplicates", delivery.duplicates());
        totals.put("injectedDuplicates", delivery.injectedDuplicates());
        totals.put("orderViolations", delivery.orderViolations());
        totals.put("ignored", delivery.ignored());
        latency(totals.putObject("endToEndLatencyMillis"), delivery.endToEndLatency());
    }

    private static void stream(ObjectNode node, Run run, StreamStats stats) {
        node.put("stream", stats.stream());
        node.put("topic", stats.topic());
        node.put("sink", stats.sink());
        node.put("generated", stats.generated());
        node.put("acknowledged", stats.acknowledged());
        node.put("failed", stats.failed());
        node.put("targetRate", stats.targetRate());
        node.put("achievedRate", stats.generated() / Math.max(1e-3, seconds(run.elapsed())));
        counts(node.putObject("faultsInjected"), stats.faults());
        sendLatency(node.putObject("sendLatencyMillis"), run.registry(), stats);
        verification(node.putObject("verification"), run.delivery().streams().get(stats.stream()));
    }

    private static void verification(ObjectNode node, StreamReport report) {
        if (report == null) {
            return;
        }
        node.put("expected", report.expected());
        node.put("consumed", report.consumed());
        node.put("missing", report.missing());
        numbers(node.putArray("firstMissing"), report.firstMissing());
        node.put("duplicates", report.duplicates());
        numbers(node.putArray("firstDuplicates"), report.firstDuplicates());
        ArrayNode keys = node.putArray("firstDuplicateKeys");
        report.firstDuplicateKeys().forEach(keys::add);
        node.put("injectedDuplicates", report.injectedDuplicates());
        node.put("orderViolations", report.orderViolations());
        violations(node.putArray("firstOrderViolations"), report.firstOrderViolations());
        node.put("partitionOrderViolations", report.partitionOrderViolations());
        violations(node.putArray("firstPartitionOrderViolations"), report.firstPartitionOrderViolations());
        counts(node.putObject("faultsRead"), report.faults());
        latency(node.putObject("endToEndLatencyMillis"), report.endToEndLatency());
    }

    /**
     * Writes the send latency of a stream from the Kafka sink's timer. NOTE: Micrometer's percentiles decay, so
     * for a run longer than about two minutes they cover its last two minutes, while count and mean cover all of it.
     */
    private static void sendLatency(ObjectNode node, MeterRegistry registry, StreamStats stats) {
        Timer timer = registry.find(SimulatorMetrics.SEND_LATENCY)
                .tags(SimulatorMetrics.streamTags(stats.stream(), stats.topic(), stats.sink()))
                .timer();
        if (timer == null) {
            return;
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        node.put("count", snapshot.count());
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            node.put(percentileName(percentile.percentile()), percentile.value(TimeUnit.MILLISECONDS));
        }
        node.put("max", snapshot.max(TimeUnit.MILLISECONDS));
        node.put("mean", snapshot.mean(TimeUnit.MILLISECONDS));
    }

    private static void violations(ArrayNode node, List<OrderViolation> violations) {
        for (OrderViolation violation : violations) {
            node.addObject()
                    .put("key", violation.key())
                    .put("partition", violation.partition())
                    .put("sequence", violation.sequence())
                    .put("previousSequence", violation.previousSequence());
        }
    }

    private static void latency(ObjectNode node, LatencySummary latency) {
        node.put("count", latency.count());
        node.put("p50", latency.p50());
        node.put("p95", latency.p95());
        node.put("p99", latency.p99());
        node.put("max", latency.max());
        node.put("mean", latency.mean());
    }

    /** Returns {@code p50} for 0.5, {@code p99} for 0.99 and {@code p99.9} for 0.999. */
    private static String percentileName(double percentile) {
        String number = Double.toString(percentile * 100);
        return "p" + (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number);
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> node.put(entry.getKey(), entry.getValue()));
    }

    private static void numbers(ArrayNode node, List<Long> numbers) {
        numbers.forEach(node::add);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The temporary file stays behind; the error about the report itself is what the user needs.
        }
    }
}
