package dev.kafkasim.kafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.broker.internal.FreePorts;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs scenarios aimed at an address where nothing listens, and at a topic that does not exist on a broker that
 * creates none. Each run must end within {@code max.block.ms} with an error naming the address or topic and the
 * cause, reported by {@code start()} and by {@code failure()}, and with nothing generated.
 */
class MisconfiguredClusterTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder()
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wrongAddressFailsNamingAddress() {
        String address = "127.0.0.1:" + FreePorts.pick(1)[0];
        Config config = scenario(address, "misconfigured.any", true);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(KafkasimException.class)
                    .hasMessageContaining("Timed out after 1500 ms listing topics at bootstrap-servers " + address);
            assertThat(engine.failure()).get().asString().contains(address);
            assertThat(engine.stats().state()).isEqualTo(EngineStats.State.FAILED);
            assertThat(engine.stats().generated()).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wrongAddressWithoutTopicCreationFails() {
        String address = "127.0.0.1:" + FreePorts.pick(1)[0];
        Config config = scenario(address, "misconfigured.any", false);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(KafkasimException.class)
                    .hasMessageContaining(
                            "could not fetch metadata of topic 'misconfigured.any' from bootstrap-servers " + address
                                    + " within 1500 ms");
            assertThat(engine.failure()).isPresent();
            assertThat(engine.stats().generated()).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void missingTopicFailsNamingTopic() {
        Config config = scenario(broker.bootstrapServers(), "misconfigured.missing", false);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(KafkasimException.class)
                    .hasMessageContaining("topic 'misconfigured.missing'")
                    .hasMessageContaining(broker.bootstrapServers())
                    .hasMessageContaining("not present in metadata after 1500 ms")
                    .hasMessageContaining("that the topic exists (create-topics = false)");
            assertThat(engine.failure()).isPresent();
            assertThat(engine.stats().generated()).isZero();
        }
    }

    /** Returns a one-stream scenario whose Kafka sink blocks at most 1.5 s on metadata. */
    private static Config scenario(String bootstrapServers, String topic, boolean createTopics) {
        String hocon = """
                simulation {
                  seed = 3
                  clock = virtual
                  sinks.main {
                    type = kafka
                    bootstrap-servers = "%s"
                    create-topics = %s
                    producer { max.block.ms = 1500 }
                  }
                  streams.sensors { topic = %s, rate = 100/s, count = 100, fields { id { type = sequence } } }
                }
                """.formatted(bootstrapServers, createTopics, topic);
        return ConfigFactory.parseString(hocon).resolve();
    }
}
