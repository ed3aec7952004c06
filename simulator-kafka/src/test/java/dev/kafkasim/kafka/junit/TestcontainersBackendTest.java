package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs only where a Docker engine is available; elsewhere the class is reported as skipped. */
@Testcontainers(disabledWithoutDocker = true)
@KafkaSimTest(
        backend = Backend.TESTCONTAINERS,
        scenario = "iot-sensors",
        overrides = "simulation { clock = virtual, count = 200 }",
        topics = @Topic(stream = "sensors", partitions = 2))
class TestcontainersBackendTest {
    @Test
    void engineDeliversToContainer(SimulatorEngine engine, DeliveryVerifier verifier) {
        engine.start();
        engine.awaitCompletion(Duration.ofSeconds(60));
        DeliveryReport report = verifier.awaitReport(Map.of("sensors", 200L), Duration.ofSeconds(60));

        assertThat(report.consumed()).isEqualTo(200);
        report.assertNoLoss();
    }
}
