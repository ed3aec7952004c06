package dev.kafkasim.core;

import com.typesafe.config.Config;
import dev.kafkasim.core.internal.engine.EngineFactory;
import dev.kafkasim.core.internal.engine.Simulation;
import dev.kafkasim.core.spi.Sink;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a simulation: generates each stream's records on its schedule and sends them to its sink.
 *
 * <pre>{@code
 * InMemorySink sink = Sinks.inMemory();
 * try (SimulatorEngine engine = SimulatorEngine.builder()
 *         .file(Path.of("sensors.conf"))
 *         .sink("main", sink)
 *         .build()) {
 *     engine.start();
 *     engine.awaitCompletion(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Every record the engine generates ends acknowledged or failed, also when the run is stopped early:
 * {@code stats().generated() == stats().acknowledged() + stats().failed()} once the run has finished.
 * Methods are thread-safe.
 */
public final class SimulatorEngine implements AutoCloseable {
    private final Simulation simulation;
    private final SimulationSpec spec;
    private final Thread shutdownHook;

    private SimulatorEngine(SimulationSpec spec, Simulation simulation) {
        this.spec = spec;
        this.simulation = simulation;
        this.shutdownHook = new Thread(
                simulation::stop, "kafkasim-shutdown-" + simulation.runId().substring(0, 8));
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the spec this engine runs. */
    public SimulationSpec spec() {
        return spec;
    }

    /** Returns this run's id, unique per engine; sinks attach it to records so verifiers can tell runs apart. */
    public String runId() {
        return simulation.runId();
    }

    /**
     * Opens the sinks and starts generating. A JVM shutdown hook stops the run, so that records in flight are
     * flushed and counted when the JVM exits early.
     *
     * @throws IllegalStateException if the engine was already started
     * @throws KafkasimException if a sink cannot be opened
     */
    public void start() {
        simulation.start();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the run ends with it.
        }
    }

    /** Pauses generation; records in flight still complete. Does nothing unless running. */
    public void pause() {
        simulation.pause();
    }

    /** Resumes after {@link #pause()}; the real-time schedule continues where it stopped. */
    public void resume() {
        simulation.resume();
    }

    /**
     * Stops generating, flushes the sinks and returns once every record generated is acknowledged or counted
     * failed. Does nothing if the run has already finished.
     */
    public void stop() {
        simulation.stop();
    }

    /**
     * Pauses one stream while the others go on.
     *
     * @param stream the stream name
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public void pause(String stream) {
        simulation.pause(stream);
    }

    /**
     * Resumes one stream after {@link #pause(String)}; its real-time schedule continues where it stopped.
     *
     * @param stream the stream name
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public void resume(String stream) {
        simulation.resume(stream);
    }

    /**
     * Ends one stream early; the run completes when the other streams do.
     *
     * @param stream the stream name
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public void stop(String stream) {
        simulation.stop(stream);
    }

    /**
     * Changes one stream's rate from its next record on, while the others go on unchanged.
     *
     * @param stream the stream name
     * @param rate the new constant rate
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public void setRate(String stream, Rate rate) {
        setSchedule(stream, new RateSchedule.Constant(rate));
    }

    /**
     * Changes one stream's schedule from its next record on; the new schedule's time starts there.
     *
     * @param stream the stream name
     * @param schedule the new schedule
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public void setSchedule(String stream, RateSchedule schedule) {
        simulation.changeSchedule(stream, Objects.requireNonNull(schedule, "schedule"));
    }

    /**
     * Waits until the run finishes: every stream reached its limit and every record completed, or the run was
     * stopped or failed.
     *
     * @param timeout the longest time to wait
     * @return whether the run finished within the timeout
     */
    public boolean awaitCompletion(Duration timeout) {
        try {
            return simulation.awaitFinished(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns a live snapshot of the counts. */
    public EngineStats stats() {
        return simulation.stats();
    }

    /** Returns the error that ended the run, if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(simulation.failure());
    }

    /** Stops the run if needed, closes every sink and removes the engine's meters. Idempotent. */
    @Override
    public void close() {
        simulation.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and runs the hook itself.
        }
    }

    @Override
    public String toString() {
        return "SimulatorEngine{runId=" + runId() + ", state=" + simulation.state() + ", spec=" + spec + "}";
    }

    /** Builds a {@link SimulatorEngine} from a spec, a config or a file. */
    public static final class Builder {
        private SimulationSpec spec;
        private Config config;
        private Path file;
        private final Map<String, Sink> sinks = new LinkedHashMap<>();
        private MeterRegistry meterRegistry;
        private ClassLoader classLoader;
        private Duration drainTimeout = Duration.ofMinutes(2);

        private Builder() {}

        /** Runs a spec built or parsed before. */
        public Builder spec(SimulationSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /** Runs a root config that declares {@code simulation { ... }}. */
        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Runs a scenario file. */
        public Builder file(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Provides the sink of a name, in place of the one the spec declares under that name, if any.
         *
         * @param name the sink name streams refer to
         * @param sink the sink; the engine opens and closes it
         */
        public Builder sink(String name, Sink sink) {
            sinks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Sets where the engine and its sinks register meters; a new {@code SimpleMeterRegistry} by default. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /** Sets the class loader used to find plugins; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Sets how long the end of a run waits for sinks to complete records in flight; 2 minutes by default. */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
            return this;
        }

        /**
         * Validates the spec, its plugins and sinks, and creates the engine. Nothing is connected until
         * {@link SimulatorEngine#start()}.
         *
         * @throws ConfigurationException with every problem found
         * @throws IllegalStateException if none or more than one of spec, config and file was given
         */
        public SimulatorEngine build() {
            int sources = (spec != null ? 1 : 0) + (config != null ? 1 : 0) + (file != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalStateException(
                        "give exactly one of spec(...), config(...) or file(...); got " + sources);
            }
            SimulationSpec resolved = spec != null
                    ? spec
                    : config != null
                            ? SimulationSpec.parse(config, classLoader)
                            : SimulationSpec.load(file, classLoader);
            Simulation simulation = EngineFactory.create(resolved, sinks, meterRegistry, classLoader, drainTimeout);
            return new SimulatorEngine(resolved, simulation);
        }

        @Override
        public String toString() {
            return "SimulatorEngine.Builder{spec=" + spec + ", file=" + file + ", sinks=" + sinks.keySet() + "}";
        }
    }
}
