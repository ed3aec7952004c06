package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.broker.internal.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command against an unreachable address, a missing topic and a SASL listener, and checks the exit code
 * and the one-line error, which names the address or topic and never shows a password.
 */
class FailureExitTest {
    private static final String PASSWORD = "cli-pass-2718";
    private static final String WRONG_PASSWORD = "cli-wrong-3141";

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder()
                .brokerProperty("auto.create.topics.enable", "false")
                .saslPlainUser("sim", PASSWORD)
                .start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unreachableAddressExitsWithOne() throws IOException {
        String address = "127.0.0.1:" + FreePorts.pick(1)[0];
        Path scenario = write("unreachable.conf", scenario("cli.unreachable", true, ""));

        CommandRunner.Result result = CommandRunner.run("--bootstrap-servers", address, scenario.toString());

        assertThat(result.exitCode()).isEqualTo(KafkasimCommand.EXIT_FAILED);
        assertThat(result.err())
                .startsWith("kafkasim: Timed out after 1500 ms listing topics at bootstrap-servers " + address);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void missingTopicExitsWithOne() throws IOException {
        Path scenario = write("missing.conf", scenario("cli.missing", false, ""));

        CommandRunner.Result result =
                CommandRunner.run("--bootstrap-servers", broker.bootstrapServers(), scenario.toString());

        assertThat(result.exitCode()).isEqualTo(KafkasimCommand.EXIT_FAILED);
        assertThat(result.err())
                .startsWith("kafkasim: Kafka sink 'main' could not fetch metadata of topic 'cli.missing'");
        assertThat(result.err()).contains(broker.bootstrapServers(), "create-topics = false");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wrongPasswordExitsWithOne() throws IOException {
        Path scenario = write("wrong.conf", scenario("cli.sasl-wrong", true, sasl(WRONG_PASSWORD)));

        CommandRunner.Result result = CommandRunner.run(
                "--verbose", "--bootstrap-servers", broker.saslBootstrapServers(), scenario.toString());

        assertThat(result.exitCode()).isEqualTo(KafkasimCommand.EXIT_FAILED);
        assertThat(result.err())
                .startsWith("kafkasim: Failed listing topics at bootstrap-servers " + broker.saslBootstrapServers()
                        + ": Authentication failed");
        assertThat(result.err() + result.out()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void rightPasswordVerifiesOverSasl() throws IOException {
        Path scenario = write("right.conf", scenario("cli.sasl-right", true, sasl(PASSWORD)));

        CommandRunner.Result result =
                CommandRunner.run("--bootstrap-servers", broker.saslBootstrapServers(), scenario.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(KafkasimCommand.EXIT_OK);
        assertThat(result.out())
                .contains("verified: generated=200 acknowledged=200 consumed=200 missing=0 duplicates=0");
        assertThat(result.err() + result.out()).doesNotContain(PASSWORD);
    }

    /** Returns a scenario of 200 records whose sink blocks at most 1.5 s on metadata, with extra producer settings. */
    private static String scenario(String topic, boolean createTopics, String producerSettings) {
        return """
                simulation {
                  seed = 3
                  sinks.main {
                    type = kafka
                    bootstrap-servers = "127.0.0.1:9092"
                    create-topics = %s
                    producer {
                      max.block.ms = 1500
                      %s
                    }
                  }
                  streams.sensors { topic = %s, rate = 1000/s, count = 200, fields { id { type = sequence } } }
                }
                """.formatted(createTopics, producerSettings, topic);
    }

    private static String sasl(String password) {
        return """
                security.protocol = SASL_PLAINTEXT
                sasl.mechanism = PLAIN
                sasl.jaas.config = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"sim\\" password=\\"%s\\";"
                """.formatted(password);
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
