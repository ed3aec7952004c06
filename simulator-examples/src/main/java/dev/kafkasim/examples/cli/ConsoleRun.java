package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * A run that writes every record as one JSON line to standard output through the {@code console} sink, with no
 * broker and no verifier, so that a user can see exactly what a scenario produces. The scenario's own sinks are
 * replaced; the summary goes to standard error, so standard output holds only the records.
 */
final class ConsoleRun {
    static final String SINK_NAME = "console";

    private final PrintWriter err;
    private final ClassLoader classLoader;
    private volatile SimulatorEngine engine;

    ConsoleRun(PrintWriter err, ClassLoader classLoader) {
        this.err = err;
        this.classLoader = classLoader;
    }

    /**
     * Runs the scenario to its limits and returns the exit code: 0 when every record was written, 1 otherwise.
     *
     * @throws dev.kafkasim.core.ConfigurationException if the scenario or an option is invalid
     */
    int run(Config scenario, ScenarioOverrides overrides) {
        // The console sink replaces the scenario's sinks, so those are checked first: a preview must not pass a
        // scenario that a real run rejects.
        SimulationSpec.parse(overrides.applyTo(scenario), classLoader);
        SimulationSpec spec = SimulationSpec.parse(overrides.applyTo(withConsoleSink(scenario)), classLoader);
        try (SimulatorEngine running =
                SimulatorEngine.builder().spec(spec).classLoader(classLoader).build()) {
            engine = running;
            running.start();
            running.awaitCompletion(Duration.ofDays(365));
            EngineStats stats = running.stats();
            running.failure().ifPresent(e -> {
                throw e instanceof KafkasimException k ? k : new KafkasimException(e.getMessage(), e);
            });
            err.println("written: generated=" + stats.generated() + " acknowledged=" + stats.acknowledged() + " failed="
                    + stats.failed());
            if (stats.generated() == 0) {
                err.println("kafkasim: no records were generated; check the streams' count, duration and rate");
            }
            err.flush();
            return stats.generated() > 0 && stats.failed() == 0 ? KafkasimCommand.EXIT_OK : KafkasimCommand.EXIT_FAILED;
        } finally {
            engine = null;
        }
    }

    /** Stops a running simulation early, for Ctrl-C; the records written so far stay written. */
    void stop() {
        SimulatorEngine running = engine;
        if (running != null) {
            running.stop();
        }
    }

    /** Returns the scenario with its sinks and each stream's sink choice replaced by one console sink. */
    static Config withConsoleSink(Config scenario) {
        Config config = scenario.withoutPath("simulation.sinks");
        if (config.hasPath("simulation.streams")
                && config.getValue("simulation.streams").valueType() == ConfigValueType.OBJECT) {
            for (String stream : config.getObject("simulation.streams").keySet()) {
                config = config.withoutPath(ConfigUtil.joinPath("simulation", "streams", stream, "sink"));
            }
        }
        Config sink = ConfigFactory.parseMap(
                Map.of(ConfigUtil.joinPath("simulation", "sinks", SINK_NAME, "type"), "console"),
                ScenarioOverrides.ORIGIN);
        return sink.withFallback(config);
    }
}
