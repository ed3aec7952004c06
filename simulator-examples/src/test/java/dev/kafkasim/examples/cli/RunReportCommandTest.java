package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command on scenarios with injected faults, with and without {@code --report}. */
class RunReportCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "verified: generated=(\\d+) acknowledged=(\\d+) consumed=(\\d+) missing=(\\d+) duplicates=(\\d+)");
    private static final String SECRET = "s3cr3t-report-value";

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void faultedScenarioVerifiesClean() throws IOException {
        Path scenario = write("faulted.conf", scenario("faulted.clicks"));

        CommandRunner.Result result =
                CommandRunner.run("--bootstrap-servers", broker.bootstrapServers(), "" + scenario);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        Matcher summary = SUMMARY.matcher(lastLine(result.out()));
        assertThat(summary.matches()).as(result.out()).isTrue();
        long generated = Long.parseLong(summary.group(1));
        assertThat(generated).as("generated, duplicate copies included").isGreaterThan(400);
        assertThat(Long.parseLong(summary.group(2))).isEqualTo(generated);
        assertThat(Long.parseLong(summary.group(3))).isEqualTo(generated);
        assertThat(summary.group(4)).isEqualTo("0");
        assertThat(summary.group(5)).isEqualTo("0");
    }

    @Test
    void reportHoldsCountsRatesLatenciesAndFaults() throws IOException {
        Path scenario = write("faulted.conf", scenario("report.clicks"));
        Path reportFile = directory.resolve("report.json");

        CommandRunner.Result result = CommandRunner.run(
                "--bootstrap-servers", broker.bootstrapServers(), "--report", "" + reportFile, "" + scenario);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        assertThat(result.out()).contains("run report written to " + reportFile);
        String text = Files.readString(reportFile);
        JsonNode report = new ObjectMapper().readTree(text);
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("summary").asText()).isEqualTo(lastLine(result.out()));
        assertThat(report.get("seed").asLong()).isEqualTo(5);
        assertThat(report.get("clock").asText()).isEqualTo("virtual");

        JsonNode clicks = report.get("streams").get(0);
        long generated = clicks.get("generated").asLong();
        long injectedDuplicates = clicks.get("faultsInjected").get("duplicate").asLong();
        assertThat(clicks.get("stream").asText()).isEqualTo("clicks");
        assertThat(clicks.get("topic").asText()).isEqualTo("report.clicks");
        assertThat(clicks.get("sink").asText()).isEqualTo("main");
        assertThat(generated).isEqualTo(400 + injectedDuplicates);
        assertThat(clicks.get("acknowledged").asLong()).isEqualTo(generated);
        assertThat(clicks.get("failed").asLong()).isZero();
        assertThat(clicks.get("targetRate").asDouble()).isEqualTo(2000.0);
        assertThat(clicks.get("achievedRate").asDouble()).isPositive();
        assertThat(clicks.get("faultsInjected").get("out-of-order").asLong()).isPositive();

        JsonNode sendLatency = clicks.get("sendLatencyMillis");
        assertThat(sendLatency.get("count").asLong()).isEqualTo(generated);
        assertThat(sendLatency.has("p50")).isTrue();
        assertThat(sendLatency.has("p95")).isTrue();
        assertThat(sendLatency.has("p99")).isTrue();

        JsonNode verification = clicks.get("verification");
        assertThat(verification.get("expected").asLong()).isEqualTo(400);
        assertThat(verification.get("consumed").asLong()).isEqualTo(generated);
        assertThat(verification.get("missing").asLong()).isZero();
        assertThat(verification.get("duplicates").asLong()).isZero();
        assertThat(verification.get("injectedDuplicates").asLong()).isEqualTo(injectedDuplicates);
        assertThat(verification.get("orderViolations").asLong()).isZero();
        assertThat(verification.get("partitionOrderViolations").asLong()).isZero();
        assertThat(verification.get("firstPartitionOrderViolations").isArray()).isTrue();
        assertThat(verification.get("faultsRead").get("duplicate").asLong()).isEqualTo(injectedDuplicates);
        assertThat(verification.get("endToEndLatencyMillis").get("count").asLong())
                .isEqualTo(generated);

        JsonNode totals = report.get("totals");
        assertThat(totals.get("generated").asLong()).isEqualTo(generated);
        assertThat(totals.get("consumed").asLong()).isEqualTo(generated);
        assertThat(totals.get("missing").asLong()).isZero();
        assertThat(totals.get("endToEndLatencyMillis").get("p99").isNumber()).isTrue();
    }

    @Test
    void reportLeavesOutProducerSecrets() throws IOException {
        Path scenario = write("faulted.conf", scenario("secret.clicks"));
        Path reportFile = directory.resolve("report.json");

        CommandRunner.Result result = CommandRunner.run(
                "--bootstrap-servers", broker.bootstrapServers(), "--report", "" + reportFile, "" + scenario);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        assertThat(Files.readString(reportFile)).doesNotContain(SECRET).doesNotContain("sasl");
    }

    @Test
    void reportInMissingDirectoryExitsWithTwo() {
        Path reportFile = directory.resolve("no-such-directory").resolve("report.json");

        CommandRunner.Result result = CommandRunner.run("--report", "" + reportFile, "--duration", "1s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("kafkasim: invalid --report " + reportFile + ": directory " + reportFile.getParent()
                        + " does not exist; create it or give another path");
        assertThat(result.out()).doesNotContain("embedded Kafka broker");
    }

    @Test
    void reportNamingDirectoryExitsWithTwo() {
        CommandRunner.Result result = CommandRunner.run("--report", "" + directory, "--duration", "1s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("kafkasim: invalid --report " + directory + ": it is a directory");
        assertThat(result.out()).doesNotContain("embedded Kafka broker");
    }

    @Test
    void reportWithConsoleSinkExitsWithTwo() {
        CommandRunner.Result result = CommandRunner.run(
                "--sink", "console", "--report", "" + directory.resolve("report.json"), "--count", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--report does not apply with --sink console");
    }

    @Test
    void reportWithDashboardExitsWithTwo() {
        CommandRunner.Result result =
                CommandRunner.run("--dashboard", "0", "--report", "" + directory.resolve("report.json"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--report does not apply with --dashboard");
    }

    /**
     * Returns a scenario of 400 records with duplicates, held-back records, tombstones and missing keys injected,
     * and a producer property holding a password that the report must leave out.
     */
    private static String scenario(String topic) {
        return """
                simulation {
                  seed = 5
                  clock = virtual
                  sinks.main {
                    type = kafka
                    partitions = 2
                    producer { "sasl.jaas.config" = "PlainLoginModule required username=\\"u\\" password=\\"%s\\";" }
                  }
                  streams.clicks {
                    topic = %s
                    rate = 2000/s
                    count = 400
                    key = user_id
                    fields {
                      user_id { type = pattern, format = "user-%%03d", cardinality = 30 }
                      page    { type = one-of, values = [home, cart, checkout] }
                    }
                    faults {
                      duplicate.fraction = 0.05
                      out-of-order { fraction = 0.05, window = 200ms }
                      tombstone.fraction = 0.02
                      null-key.fraction = 0.02
                    }
                  }
                }
                """.formatted(SECRET, topic);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static String lastLine(String text) {
        List<String> lines =
                Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
