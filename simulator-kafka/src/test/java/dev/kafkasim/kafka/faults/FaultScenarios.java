package dev.kafkasim.kafka.faults;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Scenarios and verification shared by the broker fault tests. */
final class FaultScenarios {
    private FaultScenarios() {}

    /**
     * Returns a one-stream scenario of {@code count} records at 1000 records/s on the real-time clock, sent with
     * {@code acks=all} and idempotence to a topic of 3 partitions. The producer waits up to a minute for
     * metadata and two minutes for delivery, so that a restart on a busy machine is an outage to ride out rather
     * than a timeout.
     */
    static Config acksAllScenario(String bootstrapServers, String topic, int replicationFactor, long count) {
        String hocon = """
                simulation {
                  seed = 11
                  clock = real-time
                  start-time = "2026-01-01T00:00:00Z"
                  sinks.main {
                    type = kafka
                    bootstrap-servers = "%s"
                    partitions = 3
                    replication-factor = %d
                    producer {
                      acks = all, enable.idempotence = true, linger.ms = 5
                      max.block.ms = 60000, request.timeout.ms = 30000, delivery.timeout.ms = 120000
                    }
                  }
                  streams.sensors {
                    topic = %s
                    rate = 1000/s
                    count = %d
                    key = device_id
                    format = json
                    fields {
                      device_id { type = pattern, format = "sensor-%%04d", cardinality = 50 }
                      humidity { type = normal, mean = 55, stddev = 8, min = 0, max = 100 }
                    }
                  }
                }
                """.formatted(bootstrapServers, replicationFactor, topic, count);
        return ConfigFactory.parseString(hocon).resolve();
    }

    /** Reads the topic back and reports what arrived of the run's {@code sensors} stream. */
    static DeliveryReport verify(String bootstrapServers, String runId, String topic, long expected) {
        try (DeliveryVerifier verifier = DeliveryVerifier.builder()
                .bootstrapServers(bootstrapServers)
                .runId(runId)
                .topics(List.of(topic))
                .build()) {
            verifier.start();
            return verifier.awaitReport(Map.of("sensors", expected), Duration.ofSeconds(60));
        }
    }

    /**
     * Keeps a fault in place for its planned length. The length is the fault under test, not a wait for some
     * event, so a plain sleep is the honest form.
     */
    static void holdFault(Duration outage) throws InterruptedException {
        Thread.sleep(outage.toMillis());
    }
}
