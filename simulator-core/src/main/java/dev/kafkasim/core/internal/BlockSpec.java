package dev.kafkasim.core.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.spi.PluginSpec;
import java.util.List;

/** A typed view of a structural block (the simulation, a stream), which declares no {@code type}. */
public final class BlockSpec extends PluginSpec {
    /**
     * Creates a view of a block.
     *
     * @param path the full HOCON path of the block
     * @param config the block
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     */
    public BlockSpec(String path, Config config, ConfigOrigin origin, List<ConfigProblem> problems) {
        super(path, config, origin, problems, false);
    }

    /** Returns the list problems are added to, for nested blocks. */
    public List<ConfigProblem> problems() {
        return problemList();
    }
}
