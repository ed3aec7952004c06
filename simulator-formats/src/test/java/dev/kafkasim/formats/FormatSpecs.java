package dev.kafkasim.formats;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.spi.FormatSpec;
import java.util.List;

/** Builds format specs from HOCON text, as the engine does from a scenario file. */
final class FormatSpecs {
    static final String PATH = "simulation.streams.sensors.format";

    private FormatSpecs() {}

    static FormatSpec valueSpec(String hocon, RecordSchema schema, List<ConfigProblem> problems) {
        Config config =
                ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription("test.conf"));
        return new FormatSpec("sensors", schema, false, PATH, config, config.origin(), problems);
    }
}
