package dev.kafkasim.examples.dashboard;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.Rate;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.examples.cli.KafkaSinkRequirement;
import dev.kafkasim.examples.dashboard.DashboardStatus.Actions;
import dev.kafkasim.examples.dashboard.DashboardStatus.Totals;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one simulation at a time for the page: starts it, passes on pause, resume, stop and rate changes when the
 * run's state allows them, and reports its status. Starts an embedded broker on 127.0.0.1 the first time a run
 * needs one, and keeps it until {@link #close()}.
 */
final class RunController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunController.class);
    private static final String IDLE = "IDLE";
    private static final String STARTING = "STARTING";
    private static final String RUNNING = "RUNNING";
    private static final String PAUSED = "PAUSED";

    private final String defaultBootstrapServers;
    private final ScenarioCatalog scenarios;
    private final ClassLoader classLoader;
    private final ExecutorService finisher;
    private final Object lock = new Object();
    private EmbeddedKafkaBroker broker;
    private DashboardRun run;
    private boolean starting;
    private boolean closed;

    /**
     * Creates a controller.
     *
     * @param defaultBootstrapServers the cluster for runs that name none, or {@code null} for an embedded broker
     * @param classLoader where scenarios and plugins are found
     */
    RunController(String defaultBootstrapServers, ClassLoader classLoader) {
        this.defaultBootstrapServers = defaultBootstrapServers;
        this.classLoader = classLoader;
        this.scenarios = new ScenarioCatalog(classLoader);
        this.finisher = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "kafkasim-dashboard-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    ScenarioCatalog scenarios() {
        return scenarios;
    }

    /** Returns the cluster for runs that name none, or {@code null} when runs use the embedded broker. */
    String defaultBootstrapServers() {
        return defaultBootstrapServers;
    }

    /**
     * Describes a scenario for the page: its streams with their topics and rates, and its seed.
     *
     * @throws ApiException with status 400 if the scenario cannot be read or is invalid
     */
    SimulationSpec describe(RunSettings settings) {
        return parse(settings, "127.0.0.1:9092");
    }

    /**
     * Starts a run: checks the scenario and settings, starts the embedded broker if needed, then the engine and the
     * verifier. Returns once the sinks are connected, or have failed to connect.
     *
     * @throws ApiException with status 409 if a run is active, 400 for an invalid scenario or settings, 502 if the
     *     broker, a sink or the verifier fails to start
     */
    void start(RunSettings settings) {
        checkStreams(settings);
        synchronized (lock) {
            if (closed) {
                throw ApiException.conflict("cannot start: the dashboard is shutting down");
            }
            if (starting || (run != null && !run.isDone())) {
                throw ApiException.conflict("cannot start: a run is already " + state().toLowerCase()
                        + "; stop it and wait for its verification first");
            }
            starting = true;
            run = null;
        }
        String servers = settings.bootstrapServers();
        try {
            requireKafkaStream(settings, describe(settings));
            servers = bootstrapServers(settings);
            SimulationSpec spec = parse(settings, servers);
            DashboardRun created = create(settings, servers, spec);
            synchronized (lock) {
                run = created;
            }
            created.start();
            finisher.execute(created::finish);
            LOG.info(
                    "Dashboard started run {} of {} against {}",
                    created.engine().runId(),
                    settings.label(),
                    servers);
        } catch (ApiException e) {
            recordFailure(settings, servers, e);
            throw e;
        } finally {
            synchronized (lock) {
                starting = false;
            }
        }
    }

    /** Pauses the run; 409 unless it is running. */
    void pause() {
        requireState("pause", RUNNING).engine().pause();
    }

    /** Resumes the run; 409 unless it is paused. */
    void resume() {
        requireState("resume", PAUSED).engine().resume();
    }

    /** Stops the run and waits until its sinks are flushed; 409 unless it is running or paused. */
    void stop() {
        requireState("stop", RUNNING, PAUSED).stop();
    }

    /**
     * Changes a stream's rate.
     *
     * @throws ApiException with status 400 for an invalid rate, 404 for an unknown stream, 409 unless running or
     *     paused
     */
    void setRate(String stream, String rate) {
        List<String> problems = new ArrayList<>();
        if (rate == null || rate.isBlank()) {
            problems.add("rate is missing; give it such as {\"rate\": \"500/s\"}");
        }
        RunSettings.checkRate("rate", rate, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.get(0));
        }
        DashboardRun active = requireStream("change the rate", stream);
        active.engine().setRate(stream, Rate.parse(rate));
        LOG.info("Dashboard set the rate of stream '{}' to {}", stream, rate);
    }

    /**
     * Pauses or resumes one stream while the others go on.
     *
     * @throws ApiException with status 404 for an unknown stream, 409 unless running or paused, or when the stream
     *     is already in that state
     */
    void setStreamPaused(String stream, boolean pause) {
        String action = pause ? "pause" : "resume";
        DashboardRun active = requireStream(action + " stream '" + stream + "'", stream);
        if (!active.setStreamPaused(stream, pause)) {
            throw ApiException.conflict(
                    "cannot " + action + " stream '" + stream + "': it is already " + (pause ? "paused" : "running"));
        }
        LOG.info("Dashboard {} stream '{}'", pause ? "paused" : "resumed", stream);
    }

    /** Returns what the page shows now. */
    DashboardStatus status() {
        DashboardRun current;
        String state;
        synchronized (lock) {
            current = run;
            state = state();
        }
        Actions actions = actions(state, current);
        String embedded = embeddedBrokerAddress();
        if (current == null) {
            return new DashboardStatus(
                    state,
                    actions,
                    null,
                    null,
                    null,
                    embedded,
                    new Totals(0, 0, 0, 0, 0),
                    List.of(),
                    null,
                    null,
                    null,
                    null);
        }
        return current.status(state, actions, embedded);
    }

    /** Stops any run and the embedded broker. */
    @Override
    public void close() {
        DashboardRun current;
        synchronized (lock) {
            closed = true;
            current = run;
        }
        if (current != null) {
            current.close();
        }
        finisher.shutdown();
        synchronized (lock) {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }

    private String state() {
        if (starting) {
            return STARTING;
        }
        return run == null ? IDLE : run.state();
    }

    private Actions actions(String state, DashboardRun current) {
        boolean idle = !starting && (current == null || current.isDone());
        return new Actions(
                idle, RUNNING.equals(state), PAUSED.equals(state), RUNNING.equals(state) || PAUSED.equals(state));
    }

    private DashboardRun requireState(String action, String... allowed) {
        synchronized (lock) {
            String state = state();
            for (String candidate : allowed) {
                if (candidate.equals(state) && run != null && run.hasEngine()) {
                    return run;
                }
            }
            throw ApiException.conflict("cannot " + action + ": the run is " + describeState(state));
        }
    }

    /** Returns the active run after checking that it is running or paused and has the stream. */
    private DashboardRun requireStream(String action, String stream) {
        DashboardRun active = requireState(action, RUNNING, PAUSED);
        if (!active.engine().stats().streams().containsKey(stream)) {
            throw new ApiException(
                    ApiException.NOT_FOUND,
                    "unknown stream '" + stream + "'; the run has "
                            + active.engine().stats().streams().keySet());
        }
        return active;
    }

    private static String describeState(String state) {
        return IDLE.equals(state) ? "not started" : state.toLowerCase();
    }

    private String bootstrapServers(RunSettings settings) {
        if (settings.bootstrapServers() != null) {
            return settings.bootstrapServers();
        }
        if (defaultBootstrapServers != null) {
            return defaultBootstrapServers;
        }
        return embeddedBroker();
    }

    private String embeddedBroker() {
        synchronized (lock) {
            if (broker == null) {
                try {
                    broker = EmbeddedKafkaBroker.start();
                } catch (KafkasimException e) {
                    throw new ApiException(
                            ApiException.BAD_GATEWAY,
                            "could not start the embedded Kafka broker: " + e.getMessage(),
                            List.of(),
                            e);
                }
                LOG.info("Dashboard started an embedded Kafka broker at {}", broker.bootstrapServers());
            }
            return broker.bootstrapServers();
        }
    }

    private String embeddedBrokerAddress() {
        synchronized (lock) {
            return broker == null ? null : broker.bootstrapServers();
        }
    }

    /**
     * Rejects settings for streams the scenario does not declare, before the run's state changes, as invalid
     * settings are. A scenario that cannot be read is left to {@link #start} to report in the status.
     */
    private void checkStreams(RunSettings settings) {
        if (settings.streams().isEmpty()) {
            return;
        }
        Config scenario;
        try {
            scenario = settings.loadScenario(scenarios);
        } catch (ApiException e) {
            return;
        }
        settings.checkStreams(scenario);
    }

    private SimulationSpec parse(RunSettings settings, String servers) {
        Config scenario = settings.loadScenario(scenarios);
        settings.checkStreams(scenario);
        try {
            return SimulationSpec.parse(settings.applyTo(scenario, servers), classLoader);
        } catch (ConfigurationException e) {
            throw invalidScenario(settings, e);
        } catch (ConfigException e) {
            throw ApiException.badRequest("invalid scenario '" + settings.label() + "': " + e.getMessage());
        }
    }

    private static void requireKafkaStream(RunSettings settings, SimulationSpec spec) {
        try {
            KafkaSinkRequirement.requireKafkaStream(spec);
        } catch (ConfigurationException e) {
            throw invalidScenario(settings, e);
        }
    }

    private DashboardRun create(RunSettings settings, String servers, SimulationSpec spec) {
        try {
            return DashboardRun.create(settings.label(), servers, spec, classLoader);
        } catch (ConfigurationException e) {
            throw invalidScenario(settings, e);
        }
    }

    private static ApiException invalidScenario(RunSettings settings, ConfigurationException error) {
        int count = error.problems().size();
        return new ApiException(
                ApiException.BAD_REQUEST,
                "invalid scenario '" + settings.label() + "': " + count + (count == 1 ? " problem" : " problems"),
                error.problems(),
                error);
    }

    private void recordFailure(RunSettings settings, String servers, ApiException error) {
        LOG.warn("Dashboard could not start a run of {}: {}", settings.label(), error.getMessage());
        synchronized (lock) {
            if (run == null || !run.hasEngine()) {
                run = DashboardRun.failed(settings.label(), servers, error);
            }
        }
    }
}
