package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import java.util.List;
import java.util.Objects;

/**
 * One sink's configuration, such as {@code sinks.main { type = kafka, bootstrap-servers = "127.0.0.1:9092" }}, with
 * typed getters that record problems with their HOCON path and origin (see {@link PluginSpec}).
 */
public final class SinkSpec extends PluginSpec {
    private final String name;

    /**
     * Creates a view of a sink block. Called by the engine and by plugin tests.
     *
     * @param name the sink name, such as {@code main}
     * @param path the full HOCON path of the block
     * @param config the block
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     */
    public SinkSpec(String name, String path, Config config, ConfigOrigin origin, List<ConfigProblem> problems) {
        super(path, config, origin, problems);
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Returns the sink name. */
    public String name() {
        return name;
    }
}
