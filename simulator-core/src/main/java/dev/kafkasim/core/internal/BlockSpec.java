package dev.kafkasim.core.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.spi.PluginSpec;
import java.util.List;

/** A typed view of a structural block (the simulation, a stream), which declares no {@code type}. */
public final class BlockSpec extends PluginSpec {
    public BlockSpec(String path, Config config, ConfigOrigin origin, List<ConfigProblem> problems) {
        super(path, config, origin, problems, false);
    }
}
