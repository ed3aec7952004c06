package dev.kafkasim.core.internal.engine;

import com.typesafe.config.Config;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.internal.Origins;
import dev.kafkasim.core.internal.PluginRegistry;
import dev.kafkasim.core.internal.SpecCatalog;
import dev.kafkasim.core.internal.StreamPlugins;
import dev.kafkasim.core.internal.Suggestions;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkSpec;
import dev.kafkasim.core.spi.StreamBinding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates a {@link Simulation} from a validated spec: its sinks, each stream's plugins and the sink bindings. */
public final class EngineFactory {
    private EngineFactory() {}

    /**
     * Creates the simulation.
     *
     * @param spec the validated spec
     * @param providedSinks sinks given in code, by name, which replace the spec's sinks of the same name
     * @param meterRegistry where meters go, or {@code null} for a new {@link SimpleMeterRegistry}
     * @param classLoader where to find plugins, or {@code null} for the thread's context class loader
     * @param drainTimeout how long the end of a run waits for records in flight
     * @throws ConfigurationException if a stream's sink is missing or ambiguous, or a plugin is invalid
     */
    public static Simulation create(
            SimulationSpec spec,
            Map<String, Sink> providedSinks,
            MeterRegistry meterRegistry,
            ClassLoader classLoader,
            Duration drainTimeout) {
        PluginRegistry registry = PluginRegistry.load(classLoader);
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Sink> sinks = createSinks(spec, providedSinks, registry, problems);

        Map<String, SinkRunner> sinkRunners = new LinkedHashMap<>();
        Map<String, List<StreamBinding>> bindings = new LinkedHashMap<>();
        List<StreamRunner> streams = new ArrayList<>();
        SpecCatalog catalog = new SpecCatalog(spec.streams());
        Map<String, StreamPlugins> pluginsByStream = new LinkedHashMap<>();
        for (StreamSpec stream : spec.streams().values()) {
            pluginsByStream.put(stream.name(), StreamPlugins.create(stream, registry, problems, catalog));
        }
        for (StreamSpec stream : spec.streams().values()) {
            String sinkName = resolveSink(stream, sinks, problems);
            StreamPlugins plugins = pluginsByStream.get(stream.name());
            if (sinkName == null || !problems.isEmpty()) {
                continue;
            }
            SinkRunner sink = sinkRunners.computeIfAbsent(
                    sinkName, name -> new SinkRunner(name, sinks.get(name), spec.maxInFlight()));
            bindings.computeIfAbsent(sinkName, name -> new ArrayList<>())
                    .add(new StreamBinding(
                            stream.name(),
                            stream.topic(),
                            plugins.schema(),
                            stream.keyField(),
                            plugins.keyEncoder(),
                            plugins.valueEncoder()));
            streams.add(new StreamRunner(
                    stream, plugins, sink, spec.seed(), spec.duration(), catalog.collected(stream.name())));
        }
        if (!problems.isEmpty()) {
            closeCreated(sinks, providedSinks);
            throw new ConfigurationException(problems);
        }
        closeUnused(sinks, providedSinks, sinkRunners.keySet());
        MeterRegistry meters = meterRegistry != null ? meterRegistry : new SimpleMeterRegistry();
        String runId = UUID.randomUUID().toString();
        return new Simulation(spec, runId, List.copyOf(sinkRunners.values()), streams, bindings, meters, drainTimeout);
    }

    private static Map<String, Sink> createSinks(
            SimulationSpec spec, Map<String, Sink> provided, PluginRegistry registry, List<ConfigProblem> problems) {
        Map<String, Sink> sinks = new LinkedHashMap<>();
        for (Map.Entry<String, Config> entry : spec.sinks().entrySet()) {
            String name = entry.getKey();
            if (provided.containsKey(name)) {
                continue;
            }
            Config block = entry.getValue();
            SinkSpec sinkSpec = new SinkSpec(name, "simulation.sinks." + name, block, block.origin(), problems);
            Sink sink = registry.createSink(sinkSpec);
            if (sink != null) {
                sinks.put(name, sink);
            }
        }
        sinks.putAll(provided);
        return sinks;
    }

    private static String resolveSink(StreamSpec stream, Map<String, Sink> sinks, List<ConfigProblem> problems) {
        String origin = Origins.describe(stream.origin());
        if (stream.sink() != null) {
            if (sinks.containsKey(stream.sink())) {
                return stream.sink();
            }
            problems.add(new ConfigProblem(
                    origin, stream.path() + ".sink", Suggestions.unknown("sink", stream.sink(), sinks.keySet())));
            return null;
        }
        if (sinks.size() == 1) {
            return sinks.keySet().iterator().next();
        }
        problems.add(new ConfigProblem(
                origin,
                stream.path() + ".sink",
                sinks.isEmpty()
                        ? "no sink to send to; declare one under simulation.sinks, such as"
                                + " sinks.main { type = kafka, bootstrap-servers = \"127.0.0.1:9092\" }"
                        : "missing required key when several sinks are declared; expected one of "
                                + String.join(", ", sinks.keySet())));
        return null;
    }

    private static void closeCreated(Map<String, Sink> sinks, Map<String, Sink> provided) {
        closeUnused(sinks, provided, List.of());
    }

    private static void closeUnused(Map<String, Sink> sinks, Map<String, Sink> provided, Collection<String> used) {
        for (Map.Entry<String, Sink> entry : sinks.entrySet()) {
            if (!used.contains(entry.getKey()) && !provided.containsKey(entry.getKey())) {
                entry.getValue().close();
            }
        }
    }
}
