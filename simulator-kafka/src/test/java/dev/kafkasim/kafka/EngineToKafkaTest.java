package dev.kafkasim.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the engine with a {@code type = kafka} sink against the embedded broker and verifies what arrived. */
class EngineToKafkaTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @Test
    void tenThousandRecordsVerifiedEndToEnd() {
        Config config = scenario("engine-test.sensors", "virtual", "count = 10000");

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(120));
            EngineStats stats = engine.stats();
            DeliveryReport report = verify(engine.runId(), "engine-test.sensors", stats.generated());

            assertThat(completed).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.generated()).isEqualTo(10_000);
            assertThat(stats.acknowledged()).isEqualTo(10_000);
            assertThat(stats.failed()).isZero();
            assertThat(report.consumed()).isEqualTo(10_000);
            assertThat(report.missing()).isZero();
            assertThat(report.duplicates()).isZero();
            assertThat(report.summaryLine(stats.generated(), stats.acknowledged()))
                    .isEqualTo("verified: generated=10000 acknowledged=10000 consumed=10000 missing=0 duplicates=0");
        }
    }

    @Test
    void stopMidRunAccountsForEveryRecord() {
        Config config = scenario("engine-test.stopped", "real-time", "");

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.stats().acknowledged() >= 500);
            engine.stop();
            EngineStats stats = engine.stats();
            DeliveryReport report = verify(engine.runId(), "engine-test.stopped", stats.generated());

            assertThat(stats.state()).isEqualTo(EngineStats.State.STOPPED);
            assertThat(stats.generated()).isEqualTo(stats.acknowledged() + stats.failed());
            assertThat(stats.inFlight()).isZero();
            assertThat(report.consumed()).isEqualTo(stats.acknowledged());
            assertThat(report.missing()).isEqualTo(stats.failed());
            assertThat(report.duplicates()).isZero();
        }
    }

    /** Returns a one-stream scenario at 1000 records per second of event time, with extra stream settings. */
    private static Config scenario(String topic, String clock, String streamSettings) {
        String hocon = """
                simulation {
                  seed = 7
                  clock = %s
                  start-time = "2026-01-01T00:00:00Z"
                  sinks.main { type = kafka, bootstrap-servers = "%s", partitions = 3, producer { linger.ms = 5 } }
                  streams.sensors {
                    topic = %s
                    rate = 1000/s
                    %s
                    key = device_id
                    format = json
                    fields {
                      device_id { type = pattern, format = "sensor-%%04d", cardinality = 50 }
                      humidity { type = normal, mean = 55, stddev = 8, min = 0, max = 100 }
                    }
                  }
                }
                """.formatted(clock, broker.bootstrapServers(), topic, streamSettings);
        return ConfigFactory.parseString(hocon).resolve();
    }

    private static DeliveryReport verify(String runId, String topic, long expected) {
        try (DeliveryVerifier verifier = DeliveryVerifier.builder()
                .bootstrapServers(broker.bootstrapServers())
                .runId(runId)
                .topics(List.of(topic))
                .build()) {
            verifier.start();
            return verifier.awaitReport(Map.of("sensors", expected), Duration.ofSeconds(60));
        }
    }
}
