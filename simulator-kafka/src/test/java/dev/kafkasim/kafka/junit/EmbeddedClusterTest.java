package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

@KafkaSimTest(
        brokers = 3,
        scenario = "iot-sensors",
        overrides = "simulation { clock = virtual, count = 300 }",
        topics = @Topic(stream = "sensors", partitions = 3, replicationFactor = 3))
class EmbeddedClusterTest {
    @Test
    void clusterHasThreeNodes(Admin admin, @BootstrapServers String servers)
            throws ExecutionException, InterruptedException {
        assertThat(admin.describeCluster().nodes().get()).hasSize(3);
        assertThat(servers.split(",")).hasSize(3).allMatch(address -> address.startsWith("127.0.0.1:"));
    }

    @Test
    void topicIsReplicatedThreeTimes(Admin admin) throws ExecutionException, InterruptedException {
        TopicDescription topic = admin.describeTopics(List.of("iot.sensors"))
                .allTopicNames()
                .get()
                .get("iot.sensors");

        assertThat(topic.partitions()).hasSize(3);
        assertThat(topic.partitions())
                .allMatch(partition -> partition.replicas().size() == 3);
    }

    @Test
    void engineDeliversToCluster(SimulatorEngine engine, DeliveryVerifier verifier) {
        engine.start();
        engine.awaitCompletion(Duration.ofSeconds(30));
        DeliveryReport report = verifier.awaitReport(Map.of("sensors", 300L), Duration.ofSeconds(30));

        assertThat(report.consumed()).isEqualTo(300);
        report.assertNoLoss();
        report.assertNoDuplicates();
    }
}
