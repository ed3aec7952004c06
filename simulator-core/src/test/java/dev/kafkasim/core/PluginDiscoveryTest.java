package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

    private static final String SCENARIO = "simulation.streams.a { fields { id = counter } }";

    @Test
    void duplicateTypeNameNamesBothClasses(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/dev.kafkasim.core.spi.GeneratorProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "dev.kafkasim.core.testplugins.CounterAlias\n");

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            var config = com.typesafe.config.ConfigFactory.parseString(SCENARIO);

            assertThatThrownBy(() -> SimulationSpec.parse(config, loader))
                    .isInstanceOf(DuplicatePluginException.class)
                    .hasMessage("Two generator providers claim the type name 'counter':"
                            + " dev.kafkasim.core.testplugins.CounterGenerator and"
                            + " dev.kafkasim.core.testplugins.CounterAlias. Remove one of them from the class path,"
                            + " or give one another type name.")
                    .satisfies(e ->
                            assertThat(((DuplicatePluginException) e).kind()).isEqualTo("generator"));
        }
    }

    @Test
    void unknownSinkTypeListsKnownTypes() {
        String scenario = "simulation { sinks.main.type = memroy, streams.a { fields { id = counter } } }";

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "sinks.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sinks.conf:1: simulation.sinks.main.type: unknown sink type 'memroy'; did you"
                        + " mean 'memory'? Known: memory");
    }

    @Test
    void unknownFormatIsRejected() {
        String scenario = "simulation.streams.a { format = jsn, fields { id = counter } }";

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "format.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("format.conf:1: simulation.streams.a.format.type: unknown format type 'jsn'; did"
                        + " you mean 'json'?");
    }
}
