package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import java.io.PrintWriter;

/** Prints the schema that a stream's key or value format writes, for {@code --print-schema}. */
final class SchemaPrinter {
    private static final String KEY_SUFFIX = ":key";

    private SchemaPrinter() {}

    /**
     * Parses the scenario, then prints the schema of one stream's value format, or of its key format when the
     * argument ends with {@code :key}.
     *
     * @param argument the option's value, {@code STREAM} or {@code STREAM:key}
     * @param scenario the scenario with the options layered over it
     * @param classLoader where plugins are found
     * @param out where the schema is printed
     * @return the exit code
     * @throws dev.kafkasim.core.ConfigurationException if the scenario is invalid
     * @throws InvalidArgumentException if the stream does not exist or its format has no schema
     */
    static int print(String argument, Config scenario, ClassLoader classLoader, PrintWriter out) {
        boolean key = argument.endsWith(KEY_SUFFIX);
        String stream = key ? argument.substring(0, argument.length() - KEY_SUFFIX.length()) : argument;
        SimulationSpec spec = SimulationSpec.parse(scenario, classLoader);
        StreamSpec streamSpec = spec.streams().get(stream);
        if (streamSpec == null) {
            throw new InvalidArgumentException("invalid value '" + argument + "' for --print-schema: the scenario has"
                    + " no stream '" + stream + "'; its streams are "
                    + String.join(", ", spec.streams().keySet()));
        }
        String schema = spec.formatSchema(stream, key);
        if (schema == null) {
            Config format = key ? streamSpec.keyFormat() : streamSpec.valueFormat();
            throw new InvalidArgumentException("stream '" + stream + "' has " + (key ? "key-format" : "format") + " "
                    + format.getString("type") + ", which has no schema; --print-schema applies to formats with"
                    + " one, such as avro");
        }
        out.println(schema);
        return KafkasimCommand.EXIT_OK;
    }
}
