package dev.kafkasim.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first test of the JUnit guide, docs/junit.md, exactly as printed there. */
@KafkaSimTest(scenario = "iot-sensors", overrides = "simulation { clock = virtual, count = 1000 }")
class SensorDeliveryTest {
    @Test
    void deliversEveryReading(SimulatorEngine engine, DeliveryVerifier verifier) {
        engine.start();
        assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        verifier.awaitReport(Map.of("sensors", 1000L), Duration.ofSeconds(30)).assertNoLoss();
    }
}
