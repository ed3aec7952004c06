package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings that command-line options put on top of a scenario. Each option becomes a HOCON value with the origin
 * {@value #ORIGIN}, layered over the scenario before it is parsed, so an invalid option value is reported like an
 * invalid value in the file: with its path and what would be valid.
 */
final class ScenarioOverrides {
    static final String ORIGIN = "command line";

    /** The name of the sink the command adds when the scenario declares none. */
    static final String DEFAULT_SINK = "main";

    /** Partitions of each topic that the added sink creates. */
    static final int DEFAULT_PARTITIONS = 3;

    /** Run length when neither the options nor the scenario limit the run, so the command ends on its own. */
    static final String DEFAULT_DURATION = "10s";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private String rate;
    private String bootstrapServers;

    /** Sets {@code simulation.clock}: {@code real-time} or {@code virtual}. */
    ScenarioOverrides clock(String clock) {
        put("simulation.clock", clock);
        return this;
    }

    /** Sets {@code simulation.seed}. */
    ScenarioOverrides seed(Long seed) {
        put("simulation.seed", seed);
        return this;
    }

    /** Sets {@code simulation.duration}, such as {@code 30s}. */
    ScenarioOverrides duration(String duration) {
        put("simulation.duration", duration);
        return this;
    }

    /** Sets {@code simulation.count}, the records to generate across all streams. */
    ScenarioOverrides count(Long count) {
        put("simulation.count", count);
        return this;
    }

    /** Records a rate, such as {@code 500/s}, to set on every stream. */
    ScenarioOverrides rate(String rate) {
        this.rate = rate;
        return this;
    }

    /** Records the bootstrap servers to point every {@code kafka} sink at. */
    ScenarioOverrides bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }

    /**
     * Returns the scenario with these settings on top. Every stream gets the rate, if one was given. Every sink of
     * type {@code kafka} gets the bootstrap servers, and a scenario without sinks gets a {@code kafka} sink named
     * {@value #DEFAULT_SINK} that creates topics with {@value #DEFAULT_PARTITIONS} partitions. A scenario that would
     * not end on its own, because neither it nor an option limits the simulation or every stream, runs for
     * {@value #DEFAULT_DURATION}.
     *
     * @param scenario the parsed scenario with a root key {@code simulation}
     */
    Config applyTo(Config scenario) {
        if (!scenario.hasPath("simulation")) {
            // Settings on top would create the block, and the missing one would be reported without the file.
            return scenario;
        }
        Map<String, Object> layer = new LinkedHashMap<>(values);
        if (rate != null) {
            for (String stream : childNames(scenario, "simulation.streams")) {
                layer.put(ConfigUtil.joinPath("simulation", "streams", stream, "rate"), rate);
            }
        }
        if (bootstrapServers != null) {
            addKafkaSinks(scenario, layer);
        }
        Config layered = ConfigFactory.parseMap(layer, ORIGIN).withFallback(scenario);
        if (!hasLimit(layered)) {
            layered = ConfigFactory.parseMap(Map.of("simulation.duration", DEFAULT_DURATION), ORIGIN)
                    .withFallback(layered);
        }
        return layered;
    }

    private void addKafkaSinks(Config scenario, Map<String, Object> layer) {
        Set<String> sinks = childNames(scenario, "simulation.sinks");
        if (sinks.isEmpty()) {
            layer.put(
                    ConfigUtil.joinPath("simulation", "sinks", DEFAULT_SINK),
                    Map.of("type", "kafka", "bootstrap-servers", bootstrapServers, "partitions", DEFAULT_PARTITIONS));
            return;
        }
        for (String sink : sinks) {
            String typePath = ConfigUtil.joinPath("simulation", "sinks", sink, "type");
            if (scenario.hasPath(typePath)
                    && "kafka".equals(scenario.getValue(typePath).unwrapped())) {
                layer.put(ConfigUtil.joinPath("simulation", "sinks", sink, "bootstrap-servers"), bootstrapServers);
            }
        }
    }

    /** Returns whether the run ends on its own: a simulation-wide limit, or a limit on every stream. */
    private static boolean hasLimit(Config layered) {
        if (layered.hasPath("simulation.duration") || layered.hasPath("simulation.count")) {
            return true;
        }
        Set<String> streams = childNames(layered, "simulation.streams");
        for (String stream : streams) {
            String path = ConfigUtil.joinPath("simulation", "streams", stream);
            if (!layered.hasPath(path + ".count") && !layered.hasPath(path + ".duration")) {
                return false;
            }
        }
        return !streams.isEmpty();
    }

    private static Set<String> childNames(Config config, String path) {
        if (!config.hasPath(path) || config.getValue(path).valueType() != ConfigValueType.OBJECT) {
            return Set.of();
        }
        return config.getObject(path).keySet();
    }

    private void put(String path, Object value) {
        if (value != null) {
            values.put(path, value);
        }
    }
}
