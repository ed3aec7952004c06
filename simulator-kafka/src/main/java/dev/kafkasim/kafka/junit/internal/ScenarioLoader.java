package dev.kafkasim.kafka.junit.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds a scenario by name and adapts it to the test's cluster: overrides, the replay seed, topic names and the
 * Kafka sinks' bootstrap servers.
 */
final class ScenarioLoader {
    /** The class path folder of the bundled scenarios, such as {@code kafkasim/scenarios/iot-sensors.conf}. */
    static final String BUNDLED_FOLDER = "kafkasim/scenarios/";

    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final ConfigParseOptions STRICT =
            ConfigParseOptions.defaults().setAllowMissing(false);

    private ScenarioLoader() {}

    /**
     * Loads a scenario with the given overrides applied, later overrides winning.
     *
     * @param name a bundled name, {@code classpath:} and a resource path, or a file path
     * @param overrides HOCON texts
     * @param element what asked for the scenario, for error messages
     * @throws ExtensionConfigurationException if the scenario is not found or an override is not valid HOCON
     */
    static Config load(String name, List<String> overrides, ClassLoader classLoader, String element) {
        Config config = parse(name, classLoader, element);
        for (String override : overrides) {
            try {
                config = ConfigFactory.parseString(
                                override, ConfigParseOptions.defaults().setOriginDescription("override of " + element))
                        .withFallback(config);
            } catch (ConfigException e) {
                throw new ExtensionConfigurationException(
                        element + ": the override '" + override + "' is not valid HOCON: " + e.getMessage()
                                + "; write it as simulation.count = 1000",
                        e);
            }
        }
        return config;
    }

    /** Returns the config with the seed replaced. */
    static Config withSeed(Config config, long seed) {
        return config.withValue("simulation.seed", ConfigValueFactory.fromAnyRef(seed));
    }

    /** Returns the config with each stream's topic renamed by the map. Streams not in the map keep theirs. */
    static Config withTopics(Config config, SimulationSpec spec, Map<String, String> actualTopics) {
        Config renamed = config;
        for (StreamSpec stream : spec.streams().values()) {
            String actual = actualTopics.get(stream.topic());
            if (actual != null) {
                String path = ConfigUtil.joinPath("simulation", "streams", stream.name(), "topic");
                renamed = renamed.withValue(path, ConfigValueFactory.fromAnyRef(actual));
            }
        }
        return renamed;
    }

    /**
     * Points every Kafka sink of the scenario at the cluster, or adds a Kafka sink named {@code main} when the
     * scenario declares none.
     */
    static Config withKafkaSinks(Config config, String bootstrapServers) {
        Set<String> sinks = config.hasPath("simulation.sinks")
                ? config.getObject("simulation.sinks").keySet()
                : Set.of();
        if (sinks.isEmpty()) {
            return config.withValue(
                    "simulation.sinks.main",
                    ConfigValueFactory.fromMap(Map.of("type", "kafka", "bootstrap-servers", bootstrapServers)));
        }
        Config pointed = config;
        for (String sink : sinks) {
            String typePath = ConfigUtil.joinPath("simulation", "sinks", sink, "type");
            if (config.hasPath(typePath) && "kafka".equals(config.getString(typePath))) {
                String path = ConfigUtil.joinPath("simulation", "sinks", sink, "bootstrap-servers");
                pointed = pointed.withValue(path, ConfigValueFactory.fromAnyRef(bootstrapServers));
            }
        }
        return pointed;
    }

    private static Config parse(String name, ClassLoader classLoader, String element) {
        if (name.startsWith(CLASSPATH_PREFIX)) {
            String resource = name.substring(CLASSPATH_PREFIX.length());
            URL url = classLoader.getResource(resource);
            if (url == null) {
                throw notFound(name, element);
            }
            return ConfigFactory.parseURL(url, STRICT);
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return ConfigFactory.parseFile(file.toFile(), STRICT);
        }
        URL bundled = classLoader.getResource(BUNDLED_FOLDER + name + ".conf");
        if (bundled != null) {
            return ConfigFactory.parseURL(bundled, STRICT);
        }
        URL resource = classLoader.getResource(name);
        if (resource != null) {
            return ConfigFactory.parseURL(resource, STRICT);
        }
        throw notFound(name, element);
    }

    private static ExtensionConfigurationException notFound(String name, String element) {
        return new ExtensionConfigurationException(element + ": scenario '" + name + "' was not found as a file, a"
                + " class path resource or a bundled scenario (" + BUNDLED_FOLDER + name + ".conf); give a bundled"
                + " name such as iot-sensors, clickstream or orders, classpath:path/to/scenario.conf, or a file path");
    }
}
