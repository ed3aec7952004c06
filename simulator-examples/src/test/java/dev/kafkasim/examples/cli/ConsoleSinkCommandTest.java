package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command with {@code --sink console}: records as JSON lines on standard output, and nothing else there. */
class ConsoleSinkCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void printsOneJsonLinePerRecord() throws Exception {
        Output output = run("--sink", "console", "--clock", "virtual", "--count", "5", "--seed", "3");

        assertThat(output.result.exitCode()).isEqualTo(KafkasimCommand.EXIT_OK);
        assertThat(output.lines).hasSize(5);
        for (JsonNode line : output.lines) {
            List<String> names = new ArrayList<>();
            line.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("stream", "topic", "key", "value", "headers", "timestamp", "fault");
            assertThat(line.get("topic").asText()).isEqualTo("iot.sensors");
            assertThat(line.get("key").asText())
                    .isEqualTo(line.get("value").get("device_id").asText());
        }
        assertThat(output.result.err()).contains("written: generated=5 acknowledged=5 failed=0");
    }

    @Test
    void sameSeedPrintsSameLines() throws Exception {
        Output first = run("--sink", "console", "--clock", "virtual", "--count", "20", "--seed", "9");
        Output second = run("--sink", "console", "--clock", "virtual", "--count", "20", "--seed", "9");

        assertThat(second.stdout).isEqualTo(first.stdout);
    }

    @Test
    void unknownSinkIsRejected() throws Exception {
        Output output = run("--sink", "kafak");

        assertThat(output.result.exitCode()).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(output.result.err()).contains("invalid value 'kafak' for --sink; expected kafka or console");
        assertThat(output.stdout).isEmpty();
    }

    @Test
    void invalidClockNamesCommandLine() throws Exception {
        Output output = run("--sink", "console", "--clock", "fast", "--count", "1");

        assertThat(output.result.exitCode()).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(output.result.err())
                .contains("command line: simulation.clock: invalid value 'fast'; expected real-time or virtual");
    }

    @Test
    void zeroCountIsRejected() throws Exception {
        Output output = run("--sink", "console", "--clock", "virtual", "--count", "0");

        assertThat(output.result.exitCode()).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(output.result.err()).contains("invalid --count 0: expected a whole number of records, 1 or more");
        assertThat(output.stdout).isEmpty();
    }

    @Test
    void scenarioSinksAreCheckedToo(@TempDir Path directory) throws Exception {
        Path scenario = directory.resolve("typo.conf");
        Files.writeString(scenario, """
                simulation {
                  sinks.main { type = kafak }
                  streams.s {
                    count = 1
                    fields {
                      x { type = constant, value = 1 }
                    }
                  }
                }
                """);

        Output output = run("--sink", "console", "--clock", "virtual", scenario.toString());

        assertThat(output.result.exitCode()).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(output.result.err()).contains("unknown sink type 'kafak'");
        assertThat(output.stdout).isEmpty();
    }

    private static Output run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CommandRunner.Result result;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            result = CommandRunner.run(args);
        } finally {
            System.setOut(original);
        }
        String stdout = captured.toString(StandardCharsets.UTF_8) + result.out();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return new Output(result, stdout, lines);
    }

    private record Output(CommandRunner.Result result, String stdout, List<JsonNode> lines) {}
}
