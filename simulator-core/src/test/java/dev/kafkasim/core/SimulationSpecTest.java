package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationSpecTest {

    @TempDir
    Path dir;

    @Test
    void parsesStreamsFieldsAndDefaults() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  seed = 42
                  streams.readings {
                    rate = 12/min
                    fields {
                      zeta  { type = counter }
                      alpha { type = gaussian, mean = 1, stddev = 2 }
                    }
                  }
                }
                """, "readings.conf");

        StreamSpec stream = spec.streams().get("readings");
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.clock()).isEqualTo(ClockMode.VIRTUAL);
        assertThat(spec.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(stream.topic()).isEqualTo("readings");
        assertThat(stream.rate().perSecond()).isEqualTo(0.2);
        assertThat(stream.fieldNames()).containsExactly("zeta", "alpha");
        assertThat(stream.keyField()).isNull();
        assertThat(stream.count()).isNull();
    }

    @Test
    void misspelledParameterNamesPathLineAndSuggestion() throws Exception {
        Path file = dir.resolve("sensors.conf");
        Files.writeString(file, """
                simulation {
                  streams.sensors {
                    fields {
                      humidity { type = gaussian, mean = 55, stddv = 8 }
                    }
                  }
                }
                """);

        assertThatThrownBy(() -> SimulationSpec.load(file))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).problems())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting(Object::toString)
                .contains("sensors.conf:4: simulation.streams.sensors.fields.humidity.stddv: unknown key; did you"
                        + " mean 'stddev'? (valid keys: mean, stddev)");
    }

    @Test
    void collectsEveryProblemAtOnce() {
        String scenario = """
                simulation {
                  clock = fast
                  streams.sensors {
                    rate = -5/s
                    topik = x
                    key = missing
                    fields {
                      id { type = countr }
                    }
                  }
                }
                """;

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "bad.conf"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .extracting(ConfigProblem::render)
                        .containsExactlyInAnyOrder(
                                "bad.conf:2: simulation.clock: invalid value 'fast'; expected real-time or virtual",
                                "bad.conf:4: simulation.streams.sensors.rate: invalid value '-5/s'; expected "
                                        + Rate.VALID_FORMS,
                                "bad.conf:6: simulation.streams.sensors.key: unknown field 'missing'; expected one"
                                        + " of: id",
                                "bad.conf:5: simulation.streams.sensors.topik: unknown key; did you mean 'topic'?"
                                        + " (valid keys: topic, rate, count, duration, key, format, key-format,"
                                        + " sink, preload, fields, headers, faults)",
                                "bad.conf:8: simulation.streams.sensors.fields.id.type: unknown generator type"
                                        + " 'countr'; did you mean 'counter'? Known: counter, gaussian, pick"));
    }

    @Test
    void missingFileIsAConfigurationProblem() {
        Path missing = dir.resolve("nope.conf");

        assertThatThrownBy(() -> SimulationSpec.load(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("nope.conf: simulation: scenario file not found");
    }

    @Test
    void brokenSyntaxNamesFileAndLine() throws Exception {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, "simulation {\n  streams.x {\n    rate = \n}\n");

        assertThatThrownBy(() -> SimulationSpec.load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broken.conf:");
    }

    @Test
    void builderGivesSameSpecAsFile() {
        SimulationSpec fromFile = SimulationSpec.parse("""
                simulation {
                  seed = 3
                  streams.readings {
                    topic = t
                    rate = 50/s
                    count = 10
                    key = id
                    fields {
                      id    { type = counter, start = 5 }
                      value { type = gaussian, mean = 1, stddev = 2 }
                    }
                  }
                }
                """, "readings.conf");

        SimulationSpec built = SimulationSpec.builder().seed(3).stream(
                        "readings",
                        s -> s.topic("t")
                                .rate("50/s")
                                .count(10)
                                .key("id")
                                .field("id", "counter", Map.of("start", 5))
                                .field("value", "gaussian", Map.of("mean", 1, "stddev", 2)))
                .build();

        assertThat(built.toString()).isEqualTo(fromFile.toString());
        assertThat(runToMemory(built)).isEqualTo(runToMemory(fromFile));
    }

    @Test
    void builderProblemsNameTheBuilder() {
        var builder = SimulationSpec.builder().stream(
                "readings", s -> s.field("value", "gaussian", Map.of("mean", 1, "stddev", -2)));

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SimulationSpec.builder(): simulation.streams.readings.fields.value.stddev:"
                        + " invalid value -2.0; expected a number greater than 0");
    }

    @Test
    void durationAndCountLimitsParse() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  duration = 10s
                  count = 500
                  streams.a { duration = 2m, fields { id = counter } }
                }
                """, "limits.conf");

        assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.count()).isEqualTo(500);
        assertThat(spec.streams().get("a").duration()).isEqualTo(Duration.ofMinutes(2));
    }

    private static List<SimRecord> runToMemory(SimulationSpec spec) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        return sink.records();
    }
}
