package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.core.internal.Origins;
import dev.kafkasim.core.internal.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The check that a scenario writes at least one stream to Kafka, where the delivery verifier can read it back. */
public final class KafkaSinkRequirement {
    private static final String KAFKA_SINK_TYPE = "kafka";

    private KafkaSinkRequirement() {}

    /**
     * Rejects a scenario whose streams all go to sinks other than Kafka, since the command and the dashboard verify
     * delivery by reading Kafka back.
     *
     * @throws ConfigurationException naming {@code simulation.sinks} and its file and line, or naming each stream
     *     whose sink the scenario does not declare
     */
    public static void requireKafkaStream(SimulationSpec spec) {
        // Checked first: a stream with an unknown sink would otherwise be reported as writing to no Kafka sink.
        requireKnownSinks(spec);
        for (StreamSpec stream : spec.streams().values()) {
            String sink = stream.sink() != null || spec.sinks().size() != 1
                    ? stream.sink()
                    : spec.sinks().keySet().iterator().next();
            if (isKafkaSink(spec.sinks().get(sink))) {
                return;
            }
        }
        ConfigValue sinks = spec.config().hasPath("sinks") ? spec.config().getValue("sinks") : null;
        throw new ConfigurationException(new ConfigProblem(
                sinks == null ? null : location(sinks.origin()),
                "simulation.sinks",
                "no stream writes to a sink of type kafka, and the kafkasim command verifies delivery by reading"
                        + " Kafka back; declare a sink { type = kafka } or remove the sinks so that the command adds"
                        + " one"));
    }

    /** Rejects streams that name a sink the scenario does not declare, with the declared names. */
    private static void requireKnownSinks(SimulationSpec spec) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (StreamSpec stream : spec.streams().values()) {
            if (stream.sink() != null && !spec.sinks().containsKey(stream.sink())) {
                problems.add(new ConfigProblem(
                        Origins.describe(stream.origin()),
                        stream.path() + ".sink",
                        Suggestions.unknown("sink", stream.sink(), spec.sinks().keySet())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    static boolean isKafkaSink(Config sink) {
        return sink != null && sink.hasPath("type") && KAFKA_SINK_TYPE.equals(sink.getString("type"));
    }

    /** Returns {@code file:line} for a value's origin, the form configuration problems use. */
    private static String location(ConfigOrigin origin) {
        String name = origin.filename() == null
                ? origin.description()
                : Path.of(origin.filename()).getFileName().toString();
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }
}
