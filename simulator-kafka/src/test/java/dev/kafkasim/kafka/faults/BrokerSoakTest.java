package dev.kafkasim.kafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Starts and stops engines against the shared embedded broker many times, at varied points of their runs, and
 * checks after each stop that the counts add up and that the verifier reads back exactly the acknowledged records.
 */
class BrokerSoakTest {
    private static final int CYCLES = 20;
    private static final String TOPIC = "soak.start-stop";

    @Test
    void everyStopAccountsForEveryRecord() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        SplittableRandom random = new SplittableRandom(17);
        List<String> broken = new ArrayList<>();

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long stopAfter = random.nextLong(0, 500);
            var config = FaultScenarios.acksAllScenario(broker.bootstrapServers(), TOPIC, 1, 1_000_000);
            try (SimulatorEngine engine =
                    SimulatorEngine.builder().config(config).build()) {
                engine.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> engine.stats().acknowledged() >= stopAfter);
                engine.stop();
                EngineStats stats = engine.stats();
                DeliveryReport report =
                        FaultScenarios.verify(broker.bootstrapServers(), engine.runId(), TOPIC, stats.generated());
                if (stats.generated() != stats.acknowledged() + stats.failed()
                        || stats.inFlight() != 0
                        || report.consumed() != stats.acknowledged()
                        || report.duplicates() != 0) {
                    broken.add("cycle " + cycle + ": " + stats + " " + report);
                }
            }
        }

        assertThat(broken).isEmpty();
    }
}
