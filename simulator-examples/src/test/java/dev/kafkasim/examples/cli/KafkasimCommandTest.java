package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkasimCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "verified: generated=(\\d+) acknowledged=(\\d+) consumed=(\\d+) missing=(\\d+) duplicates=(\\d+)");

    @TempDir
    Path directory;

    @Test
    void bundledScenarioVerifiesEveryRecord() {
        CommandRunner.Result result = CommandRunner.run("--duration", "2s", "--rate", "100/s");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        List<String> lines = lines(result.out());
        assertThat(lines).filteredOn(line -> line.startsWith("elapsed=")).isNotEmpty();
        assertThat(lines).filteredOn(line -> line.startsWith("verified:")).hasSize(1);
        Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertThat(summary.matches()).as(result.out()).isTrue();
        long generated = Long.parseLong(summary.group(1));
        assertThat(generated).isPositive();
        assertThat(summary.group(2)).isEqualTo(summary.group(1));
        assertThat(summary.group(3)).isEqualTo(summary.group(1));
        assertThat(summary.group(4)).isEqualTo("0");
        assertThat(summary.group(5)).isEqualTo("0");
    }

    @Test
    void scenarioFileRunsAgainstExistingCluster() throws IOException {
        Path scenario = write("orders.conf", """
                simulation {
                  seed = 7
                  streams.orders {
                    topic = shop.orders
                    rate = 1000/s
                    count = 300
                    key = order_id
                    fields {
                      order_id { type = sequence }
                      amount   { type = uniform, min = 1, max = 500 }
                    }
                  }
                }
                """);

        CommandRunner.Result result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            result = CommandRunner.run("--bootstrap-servers", broker.bootstrapServers(), scenario.toString());
        }

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(lastLine(result.out()))
                .isEqualTo("verified: generated=300 acknowledged=300 consumed=300 missing=0 duplicates=0");
        assertThat(result.out()).doesNotContain("embedded Kafka broker");
    }

    @Test
    void unreachableClusterExitsWithOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CommandRunner.Result result =
                CommandRunner.run("--bootstrap-servers", "127.0.0.1:" + closedPort, "--duration", "1s");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("kafkasim: ");
        assertThat(result.err()).contains("127.0.0.1:" + closedPort);
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.out()).doesNotContain("verified:");
    }

    @Test
    void misspelledKeyExitsWithProblem() throws IOException {
        Path scenario = write("sensors.conf", """
                simulation {
                  streams.sensors {
                    topic = iot.sensors
                    fields {
                      humidity { type = normal, mean = 55, stddv = 8 }
                    }
                  }
                }
                """);

        CommandRunner.Result result = CommandRunner.run(scenario.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("sensors.conf:5");
        assertThat(result.err()).contains("simulation.streams.sensors.fields.humidity.stddv");
        assertThat(result.err()).contains("did you mean 'stddev'?");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.out()).doesNotContain("verified:");
    }

    @Test
    void emptyScenarioNamesTheFile() throws IOException {
        Path scenario = write("empty.conf", "");

        CommandRunner.Result result = CommandRunner.run(scenario.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("empty.conf");
        assertThat(result.err()).contains("simulation: missing required block");
        assertThat(result.err()).doesNotContain("reference.conf");
    }

    @Test
    void misspeltSimulationSuggestsName() throws IOException {
        Path scenario = write("typo.conf", "simulaton.streams.s.fields.id = uuid\n");

        CommandRunner.Result result = CommandRunner.run(scenario.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("typo.conf:1: simulaton: unknown key at the top level; did you mean" + " 'simulation'?");
        assertThat(result.err()).doesNotContain("reference.conf");
    }

    @Test
    void unknownSinkNameNamesStream() throws IOException {
        Path scenario = write("nowhere.conf", """
                simulation {
                  sinks.k { type = kafka, bootstrap-servers = "127.0.0.1:9092" }
                  streams.ticks {
                    sink = nowhere
                    count = 3
                    fields { n { type = sequence } }
                  }
                }
                """);

        CommandRunner.Result result = CommandRunner.run(scenario.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("nowhere.conf:3: simulation.streams.ticks.sink: unknown sink 'nowhere'; expected one of: k");
        assertThat(result.err()).doesNotContain("no stream writes");
        assertThat(result.out()).doesNotContain("embedded Kafka broker");
    }

    @Test
    void scenarioWithoutKafkaSinkExitsWithTwo() throws IOException {
        Path scenario = write("console.conf", """
                simulation {
                  sinks.out { type = console }
                  streams.ticks { count = 3, fields { n { type = sequence } } }
                }
                """);

        CommandRunner.Result result = CommandRunner.run(scenario.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("console.conf:2: simulation.sinks: no stream writes to a sink of type kafka");
        assertThat(result.out()).doesNotContain("embedded Kafka broker");
    }

    @Test
    void invalidRateOptionExitsWithTwo() {
        CommandRunner.Result result = CommandRunner.run("--rate", "fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("command line");
        assertThat(result.err()).contains("simulation.streams.sensors.rate");
        assertThat(result.err()).contains("fast");
    }

    @Test
    void missingScenarioFileExitsWithTwo() {
        Path missing = directory.resolve("absent.conf");

        CommandRunner.Result result = CommandRunner.run(missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("scenario file not found: " + missing.toAbsolutePath());
    }

    @Test
    void directoryAsScenarioExitsWithTwo() {
        CommandRunner.Result result = CommandRunner.run(directory.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("scenario file " + directory.toAbsolutePath() + " is a directory; give the path of a .conf"
                        + " file");
    }

    @Test
    void unknownBundledScenarioListsBundledOnes() {
        CommandRunner.Result result = CommandRunner.run("--scenario", "iot-sensor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no bundled scenario named 'iot-sensor'");
        assertThat(result.err()).contains("iot-sensors");
    }

    @Test
    void listGeneratorsPrintsNormal() {
        CommandRunner.Result result = CommandRunner.run("--list-generators");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(lines(result.out())).anySatisfy(line -> assertThat(line).startsWith("normal "));
    }

    @Test
    void helpDescribesOptions() {
        CommandRunner.Result result = CommandRunner.run("--help");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains("--bootstrap-servers", "--duration", "--rate", "--list-generators");
    }

    @Test
    void versionNamesKafkasim() {
        CommandRunner.Result result = CommandRunner.run("--version");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).startsWith("kafkasim ");
        assertThat(result.out()).doesNotContain("${project.version}");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    private static String lastLine(String text) {
        List<String> lines = lines(text);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
