package dev.kafkasim.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.sink.KafkaSink;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs scenarios against a {@code SASL_PLAINTEXT} listener of the embedded broker: the client settings pass through
 * to the producer and consumer unchanged, a wrong password ends the run with a clear error, and no password
 * reaches an error message, a {@code toString} or a log line.
 */
class SaslPlainTest {
    private static final String USER = "sim";
    private static final String PASSWORD = "sim-pass-4711";
    private static final String WRONG_PASSWORD = "wrong-pass-0815";

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().saslPlainUser(USER, PASSWORD).start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void rightPasswordDeliversEveryRecord() {
        Config config = scenario("sasl.right", PASSWORD);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(60));
            EngineStats stats = engine.stats();
            DeliveryReport report = verify(engine.runId(), "sasl.right", stats.generated());

            assertThat(completed).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.acknowledged()).isEqualTo(2_000);
            assertThat(report.consumed()).isEqualTo(2_000);
            assertThat(report.missing()).isZero();
            assertThat(report.duplicates()).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wrongPasswordFailsStartNamingAddress() {
        Config config = scenario("sasl.wrong", WRONG_PASSWORD);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(KafkasimException.class)
                    .hasMessageContaining("at bootstrap-servers " + broker.saslBootstrapServers())
                    .hasMessageContaining("Authentication failed")
                    .message()
                    .doesNotContain(WRONG_PASSWORD);
            assertThat(engine.failure()).get().asString().contains("Authentication failed");
            assertThat(engine.stats().generated()).isZero();
        }
    }

    @Test
    void logsNeverContainPasswords() {
        String logged;
        try (LogCapture capture = new LogCapture()) {
            runQuietly(scenario("sasl.logged", PASSWORD));
            runQuietly(scenario("sasl.logged", WRONG_PASSWORD));
            logged = capture.text();
        }

        assertThat(logged).contains("sasl.jaas.config = [hidden]");
        assertThat(logged).contains("Authentication failed");
        assertThat(logged).doesNotContain(PASSWORD, WRONG_PASSWORD);
    }

    @Test
    void toStringsNeverContainPasswords() {
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers(broker.saslBootstrapServers())
                .producerProperty("sasl.jaas.config", jaas(PASSWORD))
                .build();
        DeliveryVerifier.Builder verifier = DeliveryVerifier.builder()
                .bootstrapServers(broker.saslBootstrapServers())
                .runId("run")
                .topics(List.of("t"))
                .consumerProperty("sasl.jaas.config", jaas(PASSWORD));

        String text = sink + " " + verifier + " " + verifier.build() + " " + broker;

        assertThat(text).doesNotContain(PASSWORD);
    }

    private static void runQuietly(Config config) {
        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            engine.awaitCompletion(Duration.ofSeconds(60));
        } catch (KafkasimException e) {
            // The wrong password fails start(); the test checks only what was logged.
        }
    }

    /** Returns a scenario of 2,000 records sent over SASL/PLAIN as {@value #USER} with a password. */
    private static Config scenario(String topic, String password) {
        String hocon = """
                simulation {
                  seed = 5
                  clock = virtual
                  start-time = "2026-01-01T00:00:00Z"
                  sinks.main {
                    type = kafka
                    bootstrap-servers = "%s"
                    producer { security.protocol = SASL_PLAINTEXT, sasl.mechanism = PLAIN, max.block.ms = 5000 }
                  }
                  streams.sensors {
                    topic = %s
                    rate = 1000/s
                    count = 2000
                    fields { id { type = sequence } }
                  }
                }
                """.formatted(broker.saslBootstrapServers(), topic);
        return ConfigFactory.parseString(hocon)
                .withValue(
                        "simulation.sinks.main.producer.sasl.jaas.config",
                        ConfigValueFactory.fromAnyRef(jaas(password)))
                .resolve();
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USER + "\" password=\""
                + password + "\";";
    }

    /** Reads the topic back over the SASL listener, with the same client settings as the producer. */
    private static DeliveryReport verify(String runId, String topic, long expected) {
        try (DeliveryVerifier verifier = DeliveryVerifier.builder()
                .bootstrapServers(broker.saslBootstrapServers())
                .runId(runId)
                .topics(List.of(topic))
                .consumerProperty("security.protocol", "SASL_PLAINTEXT")
                .consumerProperty("sasl.mechanism", "PLAIN")
                .consumerProperty("sasl.jaas.config", jaas(PASSWORD))
                .build()) {
            verifier.start();
            return verifier.awaitReport(Map.of("sensors", expected), Duration.ofSeconds(60));
        }
    }
}
