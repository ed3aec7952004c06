package dev.kafkasim.examples.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.StreamStats;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;
import dev.kafkasim.examples.dashboard.DashboardStatus.ErrorView;
import dev.kafkasim.examples.dashboard.DashboardStatus.Problem;
import dev.kafkasim.examples.dashboard.DashboardStatus.RecentRecord;
import dev.kafkasim.examples.dashboard.DashboardStatus.StreamCheck;
import dev.kafkasim.examples.dashboard.DashboardStatus.StreamView;
import dev.kafkasim.examples.dashboard.DashboardStatus.Totals;
import dev.kafkasim.examples.dashboard.DashboardStatus.Verification;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run started from the page: the engine, the sinks that record what they send, and the delivery verifier that
 * reads the topics back. A run that could not start keeps only its error.
 */
final class DashboardRun {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardRun.class);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_TEXT_LENGTH = 160;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scenario;
    private final String bootstrapServers;
    private final SimulatorEngine engine;
    private final Map<String, RecordingSink> sinks;
    private final LiveMetrics metrics;
    // The engine reports no per-stream pause state, so the run keeps it. Only this class pauses its streams.
    private final Set<String> pausedStreams = new HashSet<>();
    private volatile DeliveryVerifier verifier;
    private volatile EngineStats finalStats;
    private volatile Verification verification;
    private volatile ErrorView error;
    private volatile boolean closed;

    private DashboardRun(
            String scenario,
            String bootstrapServers,
            SimulatorEngine engine,
            Map<String, RecordingSink> sinks,
            LiveMetrics metrics,
            ErrorView error) {
        this.scenario = scenario;
        this.bootstrapServers = bootstrapServers;
        this.engine = engine;
        this.sinks = sinks;
        this.metrics = metrics;
        this.error = error;
    }

    /**
     * Builds the engine for a spec, with each declared sink wrapped so that the page can show the latest records.
     * Connects to nothing.
     *
     * @throws ConfigurationException if a sink or the spec is invalid
     */
    static DashboardRun create(String scenario, String bootstrapServers, SimulationSpec spec, ClassLoader loader) {
        LiveMetrics metrics = new LiveMetrics();
        Map<String, RecordingSink> sinks = createSinks(spec, loader);
        SimulatorEngine.Builder builder = SimulatorEngine.builder()
                .spec(spec)
                .meterRegistry(metrics.registry())
                .classLoader(loader);
        sinks.forEach(builder::sink);
        return new DashboardRun(scenario, bootstrapServers, builder.build(), sinks, metrics, null);
    }

    /** Returns a run that failed before it started, keeping its error for the page. */
    static DashboardRun failed(String scenario, String bootstrapServers, ApiException cause) {
        return new DashboardRun(scenario, bootstrapServers, null, Map.of(), null, errorView(cause));
    }

    /**
     * Starts the engine, then the verifier on the run's topics.
     *
     * @throws ApiException with status 502 if a sink or the verifier cannot connect; the run keeps the error
     */
    void start() {
        try {
            engine.start();
            verifier = DeliveryVerifier.builder()
                    .bootstrapServers(bootstrapServers)
                    .runId(engine.runId())
                    .topics(topics())
                    .meterRegistry(metrics.registry())
                    .build();
            verifier.start();
        } catch (KafkasimException e) {
            ApiException failure = new ApiException(
                    ApiException.BAD_GATEWAY, "could not start the run: " + e.getMessage(), List.of(), e);
            error = errorView(failure);
            close();
            throw failure;
        }
    }

    /**
     * Waits for the engine to finish, then for the verifier to read every acknowledged record, and closes both.
     * Runs on a thread of its own.
     */
    void finish() {
        try {
            while (!closed && !engine.awaitCompletion(Duration.ofSeconds(1))) {
                // Checks every second whether the server is closing.
            }
            finalStats = engine.stats();
            engine.failure().ifPresent(failure -> error = new ErrorView(describe(failure), List.of()));
            verify();
        } finally {
            close();
        }
    }

    boolean hasEngine() {
        return engine != null;
    }

    /** Returns whether the engine has finished and the verifier's result is in, or the run never started. */
    boolean isDone() {
        return engine == null
                || (finalStats != null && (verification == null || !"waiting".equals(verification.state())))
                || closed;
    }

    SimulatorEngine engine() {
        return engine;
    }

    /** Returns the engine's state, or {@code FAILED} for a run that never started. */
    String state() {
        if (engine == null) {
            return EngineStats.State.FAILED.name();
        }
        EngineStats.State state = stats().state();
        return error != null && !state.isTerminal() ? EngineStats.State.FAILED.name() : state.name();
    }

    /** Stops generating and waits until every record is acknowledged or counted failed. */
    void stop() {
        engine.stop();
    }

    /**
     * Pauses or resumes one stream while the others go on.
     *
     * @return {@code false} if the stream was already in that state
     */
    boolean setStreamPaused(String stream, boolean pause) {
        synchronized (pausedStreams) {
            if (pausedStreams.contains(stream) == pause) {
                return false;
            }
            if (pause) {
                engine.pause(stream);
                pausedStreams.add(stream);
            } else {
                engine.resume(stream);
                pausedStreams.remove(stream);
            }
            return true;
        }
    }

    /** Closes the verifier and the engine. Idempotent. */
    void close() {
        closed = true;
        if (metrics != null) {
            metrics.keepLatest();
        }
        DeliveryVerifier reader = verifier;
        if (reader != null) {
            reader.close();
        }
        if (engine != null) {
            if (finalStats == null && engine.stats().state().isTerminal()) {
                finalStats = engine.stats();
            }
            engine.close();
        }
    }

    /** Fills the run's part of a status: counts, rates, recent records, latency, verification and error. */
    DashboardStatus status(String state, DashboardStatus.Actions actions, String embeddedBroker) {
        if (engine == null) {
            return new DashboardStatus(
                    state,
                    actions,
                    null,
                    scenario,
                    bootstrapServers,
                    embeddedBroker,
                    new Totals(0, 0, 0, 0, 0),
                    List.of(),
                    null,
                    null,
                    null,
                    error);
        }
        EngineStats stats = stats();
        Map<String, Long> consumed = consumed(stats);
        List<StreamView> streams = new ArrayList<>();
        for (StreamStats stream : stats.streams().values()) {
            streams.add(streamView(stream, stats.state().isTerminal(), consumed));
        }
        long consumedTotal =
                consumed.values().stream().mapToLong(Long::longValue).sum();
        Totals totals =
                new Totals(stats.generated(), stats.acknowledged(), stats.failed(), stats.inFlight(), consumedTotal);
        return new DashboardStatus(
                state,
                actions,
                engine.runId(),
                scenario,
                bootstrapServers,
                embeddedBroker,
                totals,
                streams,
                metrics.endToEndLatency(),
                metrics.sendLatency(),
                verification,
                error);
    }

    private EngineStats stats() {
        EngineStats last = finalStats;
        return last != null ? last : engine.stats();
    }

    private void verify() {
        DeliveryVerifier reader = verifier;
        if (reader == null || closed) {
            return;
        }
        Map<String, Long> expected = acknowledgedPerStream(finalStats);
        verification = new Verification("waiting", null, null, List.of(), null, null);
        try {
            DeliveryReport report = reader.awaitReport(expected, VERIFY_TIMEOUT);
            verification = verification(report, finalStats);
            LOG.info("Dashboard run {}: {}", engine.runId(), verification.summary());
        } catch (KafkasimException e) {
            LOG.warn("Dashboard run {}: the delivery verifier failed", engine.runId(), e);
            verification = new Verification("failed", false, null, List.of(), null, e.getMessage());
        }
    }

    private static Verification verification(DeliveryReport report, EngineStats stats) {
        List<StreamCheck> checks = report.streams().values().stream()
                .map(stream -> new StreamCheck(
                        stream.stream(),
                        stream.expected(),
                        stream.consumed(),
                        stream.missing(),
                        stream.duplicates(),
                        stream.orderViolations()))
                .toList();
        boolean passed = report.missing() == 0 && report.duplicates() == 0;
        String summary = report.summaryLine(stats.generated(), stats.acknowledged());
        return new Verification("done", passed, summary, checks, report.endToEndLatency(), null);
    }

    private Map<String, Long> consumed(EngineStats stats) {
        DeliveryVerifier reader = verifier;
        if (reader == null) {
            return Map.of();
        }
        try {
            Map<String, Long> consumed = new HashMap<>();
            reader.report(acknowledgedPerStream(stats))
                    .streams()
                    .forEach((stream, report) -> consumed.put(stream, report.consumed()));
            return consumed;
        } catch (KafkasimException e) {
            return Map.of();
        }
    }

    private StreamView streamView(StreamStats stream, boolean finished, Map<String, Long> consumed) {
        List<RecentRecord> recent = new ArrayList<>();
        RecordingSink sink = sinks.get(stream.sink());
        if (sink != null) {
            for (SimRecord record : sink.recent(stream.stream())) {
                recent.add(new RecentRecord(
                        record.sequence(), text(record.key()), valueText(record), record.timestamp(), record.fault()));
            }
        }
        return new StreamView(
                stream.stream(),
                stream.topic(),
                stream.targetRate(),
                finished ? 0 : metrics.achievedRate(stream.stream()),
                stream.generated(),
                stream.acknowledged(),
                stream.failed(),
                consumed.getOrDefault(stream.stream(), 0L),
                stream.lagMillis(),
                stream.faults(),
                !finished && isStreamPaused(stream.stream()),
                recent);
    }

    private boolean isStreamPaused(String stream) {
        synchronized (pausedStreams) {
            return pausedStreams.contains(stream);
        }
    }

    private List<String> topics() {
        return List.copyOf(new LinkedHashSet<>(engine.stats().streams().values().stream()
                .map(StreamStats::topic)
                .toList()));
    }

    private static Map<String, Long> acknowledgedPerStream(EngineStats stats) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stats.streams().forEach((name, stream) -> counts.put(name, stream.acknowledged()));
        return counts;
    }

    private static Map<String, RecordingSink> createSinks(SimulationSpec spec, ClassLoader loader) {
        Map<String, SinkProvider> providers = new HashMap<>();
        ServiceLoader.load(SinkProvider.class, loader).forEach(provider -> providers.put(provider.type(), provider));
        Map<String, RecordingSink> sinks = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Config> entry : spec.sinks().entrySet()) {
            Config block = entry.getValue();
            SinkSpec sinkSpec =
                    new SinkSpec(entry.getKey(), "simulation.sinks." + entry.getKey(), block, block.origin(), problems);
            SinkProvider provider = providers.get(sinkSpec.type());
            if (provider == null) {
                // The spec parser has checked every sink type, so this one is known to the engine's class loader.
                continue;
            }
            Sink sink = provider.create(sinkSpec);
            sinkSpec.rejectUnknownKeys();
            sinks.put(entry.getKey(), new RecordingSink(sink));
        }
        if (!problems.isEmpty()) {
            sinks.values().forEach(RecordingSink::close);
            throw new ConfigurationException(problems);
        }
        return sinks;
    }

    private static String valueText(SimRecord record) {
        Object value = record.value();
        if (value == null) {
            return "null (tombstone)";
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " raw bytes)";
        }
        if (record.recordValue() != null) {
            try {
                return shorten(JSON.writeValueAsString(record.recordValue().toMap()));
            } catch (JsonProcessingException e) {
                return shorten(String.valueOf(value));
            }
        }
        return shorten(String.valueOf(value));
    }

    private static String text(Object key) {
        return key == null ? null : shorten(String.valueOf(key));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH - 1) + "…";
    }

    static ErrorView errorView(ApiException error) {
        List<Problem> problems = error.problems().stream()
                .map(problem -> new Problem(problem.origin(), problem.path(), problem.message()))
                .toList();
        return new ErrorView(error.getMessage(), problems);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
