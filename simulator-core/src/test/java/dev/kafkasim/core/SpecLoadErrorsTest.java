package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoadErrorsTest {

    @TempDir
    Path dir;

    private List<ConfigProblem> problems(String scenario) throws Exception {
        Path file = dir.resolve("scenario.conf");
        Files.writeString(file, scenario);
        try {
            SimulationSpec.load(file);
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("expected the scenario to be rejected:\n" + scenario);
    }

    @Test
    void fieldsOnOneLineRejected() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  fields { zeta { type = counter }, alpha { type = counter } }
                }
                """);

        assertThat(problems).hasSize(1);
        ConfigProblem problem = problems.get(0);
        assertThat(problem.origin()).isEqualTo("scenario.conf:2");
        assertThat(problem.path()).isEqualTo("simulation.streams.s.fields");
        assertThat(problem.message()).contains("'alpha', 'zeta'");
        assertThat(problem.message()).contains("HOCON does not keep the order of keys on one line");
        assertThat(problem.message()).contains("on its own line");
    }

    @Test
    void bareTypeFieldsOnOneLineRejected() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  fields {
                    id = counter
                    b = counter, a = counter
                  }
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).isEqualTo("scenario.conf:4");
        assertThat(problems.get(0).message()).contains("'a', 'b'");
    }

    @Test
    void headersOnOneLineRejected() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  fields {
                    id = counter
                  }
                  headers { region = eu, tenant = acme }
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).isEqualTo("scenario.conf:5");
        assertThat(problems.get(0).path()).isEqualTo("simulation.streams.s.headers");
        assertThat(problems.get(0).message()).startsWith("headers 'region', 'tenant' are declared on one line");
    }

    @Test
    void fieldsOnOwnLinesKeepOrder() throws Exception {
        Path file = dir.resolve("ordered.conf");
        Files.writeString(file, """
                simulation.streams.s {
                  fields { zeta { type = counter }
                    alpha { type = counter } }
                }
                """);

        SimulationSpec spec = SimulationSpec.load(file);

        assertThat(spec.streams().get("s").fieldNames()).containsExactly("zeta", "alpha");
    }

    @Test
    void builderFieldsNotCheckedForLines() {
        SimulationSpec spec = SimulationSpec.builder().stream(
                        "s", stream -> stream.field("zeta", "counter").field("alpha", "counter"))
                .build();

        assertThat(spec.streams().get("s").fieldNames()).containsExactly("zeta", "alpha");
    }

    @Test
    void textCountReportedOnce() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  count = "ten"
                  fields {
                    id = counter
                  }
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).isEqualTo("scenario.conf:2");
        assertThat(problems.get(0).path()).isEqualTo("simulation.streams.s.count");
        assertThat(problems.get(0).message())
                .isEqualTo("invalid value \"ten\"; expected a whole number of records, 0 or more");
    }

    @Test
    void textSimulationCountReportedOnce() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation {
                  count = ten
                  streams.s.fields.id = counter
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("simulation.count");
    }

    @Test
    void emptyFileNamesTheFile() throws Exception {
        List<ConfigProblem> problems = problems("");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).startsWith("scenario.conf");
        assertThat(problems.get(0).path()).isEqualTo("simulation");
        assertThat(problems.get(0).message()).startsWith("missing required block");
    }

    @Test
    void misspeltSimulationSuggestsName() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulaton {
                  streams.s.fields.id = counter
                }
                """);

        assertThat(problems)
                .extracting(ConfigProblem::render)
                .containsExactly(
                        "scenario.conf:1: simulaton: unknown key at the top level; did you mean 'simulation'? A"
                                + " scenario declares simulation { ... }.",
                        "scenario.conf:1: simulation: missing required block; a scenario declares simulation {"
                                + " streams { ... } }");
    }

    @Test
    void unrelatedTopLevelKeyHasSentences() throws Exception {
        List<ConfigProblem> problems = problems("""
                other = 1
                simulation.streams.s.fields.id = counter
                """);

        assertThat(problems)
                .extracting(ConfigProblem::render)
                .containsExactly("scenario.conf:1: other: unknown key at the top level; a scenario declares"
                        + " simulation { ... }");
    }

    @Test
    void farUnknownKeyHasNoSuggestion() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s.fields {
                  id { type = counter, key = 5 }
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("simulation.streams.s.fields.id.key");
        assertThat(problems.get(0).message()).startsWith("unknown key");
        assertThat(problems.get(0).message()).doesNotContain("did you mean");
    }

    @Test
    void illegalTopicCharactersRejected() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  topic = "orders/eu"
                  fields {
                    id = counter
                  }
                }
                """);

        assertThat(problems)
                .extracting(ConfigProblem::render)
                .containsExactly("scenario.conf:2: simulation.streams.s.topic: invalid value 'orders/eu'; expected a"
                        + " Kafka topic name: a topic name contains only ASCII letters, digits, '.', '_' and '-'");
    }

    @Test
    void dotTopicsRejected() throws Exception {
        for (String topic : List.of(".", "..")) {
            List<ConfigProblem> problems = problems("""
                    simulation.streams.s {
                      topic = "%s"
                      fields.id = counter
                    }
                    """.formatted(topic));

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).path()).isEqualTo("simulation.streams.s.topic");
            assertThat(problems.get(0).message()).contains("cannot be '.' or '..'");
        }
    }

    @Test
    void longTopicRejected() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams.s {
                  topic = %s
                  fields.id = counter
                }
                """.formatted("t".repeat(250)));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).isEqualTo("scenario.conf:2");
        assertThat(problems.get(0).message()).contains("at most 249 characters, and this one has 250");
    }

    @Test
    void longestLegalTopicAccepted() throws Exception {
        Path file = dir.resolve("long.conf");
        Files.writeString(file, """
                simulation.streams.s {
                  topic = %s
                  fields.id = counter
                }
                """.formatted("t.-_9".repeat(49) + "abcd"));

        assertThat(SimulationSpec.load(file).streams().get("s").topic()).hasSize(249);
    }

    @Test
    void streamNameUsedAsTopicChecked() throws Exception {
        List<ConfigProblem> problems = problems("""
                simulation.streams."my orders" {
                  fields.id = counter
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).origin()).isEqualTo("scenario.conf:1");
        assertThat(problems.get(0).path()).isEqualTo("simulation.streams.my orders");
        assertThat(problems.get(0).message()).startsWith("invalid topic 'my orders' taken from the stream's name");
    }
}
