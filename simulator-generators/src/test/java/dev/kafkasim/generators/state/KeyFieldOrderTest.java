package dev.kafkasim.generators.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.SimulationSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFieldOrderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type = random-walk, start = 20, step = 1 }",
                "{ type = gbm, start = 100, volatility = 0.2 }",
                "{ type = markov, initial { home = 1 }, transitions { home { exit = 1 } } }"
            })
    void keyedStateBeforeKeyRejected(String generator) {
        String scenario = """
                simulation.streams.sensors {
                  key = device
                  fields {
                    reading %s
                    device { type = pattern, format = "d%%d", cardinality = 5 }
                  }
                }
                """.formatted(generator);

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "sensors.conf"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    List<ConfigProblem> problems = e.problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).origin()).isEqualTo("sensors.conf:4");
                    assertThat(problems.get(0).path()).isEqualTo("simulation.streams.sensors.fields.reading");
                    assertThat(problems.get(0).message())
                            .contains("key field 'device' is declared after it")
                            .contains("declare 'device' before 'reading'");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type = random-walk, start = 20, step = 1 }",
                "{ type = gbm, start = 100, volatility = 0.2 }",
                "{ type = markov, initial { home = 1 }, transitions { home { exit = 1 } } }"
            })
    void keyedStateAfterKeyAccepted(String generator) {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation.streams.sensors {
                  key = device
                  fields {
                    device { type = pattern, format = "d%%d", cardinality = 5 }
                    reading %s
                  }
                }
                """.formatted(generator), "sensors.conf");

        assertThat(spec.streams().get("sensors").fieldNames()).containsExactly("device", "reading");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type = random-walk, start = 20, step = 1 }",
                "{ type = gbm, start = 100, volatility = 0.2 }",
                "{ type = markov, initial { home = 1 }, transitions { home { exit = 1 } } }"
            })
    void keyedStateWithoutKeyAccepted(String generator) {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation.streams.sensors {
                  fields {
                    reading %s
                  }
                }
                """.formatted(generator), "sensors.conf");

        assertThat(spec.streams().get("sensors").fieldNames()).containsExactly("reading");
    }
}
