package dev.kafkasim.kafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stops the only broker for several seconds mid-run and checks that nothing is lost and every copy is reported. */
class BrokerRestartTest {
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void restartKeepsPortsAndData() throws Exception {
        broker.createTopic("restart.kept", 1);
        String before = broker.bootstrapServers();

        broker.stop();
        boolean runningWhileStopped = broker.isRunning();
        broker.restart();
        broker.createTopic("restart.kept", 1);

        assertThat(runningWhileStopped).isFalse();
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(before);
    }

    @Test
    void outageBetweenRequestsKeepsExactCount() throws Exception {
        String topic = "restart.between";
        var config = FaultScenarios.acksAllScenario(broker.bootstrapServers(), topic, 1, 8_000);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().acknowledged() >= 1_000);
            engine.pause();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().inFlight() == 0);
            broker.stop();
            engine.resume();
            FaultScenarios.holdFault(OUTAGE);
            broker.restart();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(120));
            EngineStats stats = engine.stats();
            DeliveryReport report =
                    FaultScenarios.verify(broker.bootstrapServers(), engine.runId(), topic, stats.generated());

            assertThat(completed).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.state()).isEqualTo(EngineStats.State.COMPLETED);
            assertThat(stats.generated()).isEqualTo(8_000);
            assertThat(stats.acknowledged()).isEqualTo(8_000);
            assertThat(stats.failed()).isZero();
            assertThat(report.duplicates()).as("%s", report).isZero();
            assertThat(report.missing()).as("%s", report).isZero();
            assertThat(report.consumed()).as("%s", report).isEqualTo(8_000);
        }
    }

    /**
     * Stops the broker with produce requests in flight, so a batch written without a response may be written again
     * when the producer retries it after the restart. Nothing may be lost, and the report must count every copy.
     */
    @Test
    void outageMidRequestReportsCopies() throws Exception {
        String topic = "restart.outage";
        var config = FaultScenarios.acksAllScenario(broker.bootstrapServers(), topic, 1, 8_000);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().acknowledged() >= 1_000);
            broker.stop();
            FaultScenarios.holdFault(OUTAGE);
            broker.restart();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(120));
            EngineStats stats = engine.stats();
            DeliveryReport report =
                    FaultScenarios.verify(broker.bootstrapServers(), engine.runId(), topic, stats.generated());

            assertThat(completed).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.state()).isEqualTo(EngineStats.State.COMPLETED);
            assertThat(stats.generated()).isEqualTo(8_000);
            assertThat(stats.acknowledged()).isEqualTo(8_000);
            assertThat(stats.failed()).isZero();
            assertThat(report.missing()).as("%s", report).isZero();
            assertThat(report.consumed() - report.duplicates()).as("%s", report).isEqualTo(8_000);
        }
    }
}
