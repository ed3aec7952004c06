package dev.kafkasim.kafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaCluster;
import dev.kafkasim.kafka.broker.ListeningSockets;
import dev.kafkasim.kafka.verify.DeliveryReport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stops one node of a three-node cluster mid-run, with replication factor 3 and {@code min.insync.replicas=2},
 * and checks that nothing is lost or duplicated. One cluster serves the class, because closing one takes seconds.
 */
class ClusterNodeLossTest {
    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.start(3);
    }

    @AfterAll
    static void closeCluster() {
        cluster.close();
    }

    @Test
    void nodeLossMidRunLosesNothing() {
        String topic = "cluster.node-loss";
        var config = FaultScenarios.acksAllScenario(cluster.bootstrapServers(), topic, 3, 6_000);

        try (SimulatorEngine engine = SimulatorEngine.builder().config(config).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().acknowledged() >= 1_000);
            cluster.stopNode(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().acknowledged() >= 3_000);
            cluster.restartNode(2);
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(60));
            EngineStats stats = engine.stats();
            DeliveryReport report =
                    FaultScenarios.verify(cluster.bootstrapServers(), engine.runId(), topic, stats.generated());

            assertThat(completed).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.generated()).isEqualTo(6_000);
            assertThat(stats.acknowledged()).isEqualTo(6_000);
            assertThat(stats.failed()).isZero();
            assertThat(report.duplicates()).as("%s", report).isZero();
            assertThat(report.missing()).as("%s", report).isZero();
            assertThat(report.consumed()).as("%s", report).isEqualTo(6_000);
        }
    }

    @Test
    void listenersBindToLoopbackOnly() throws IOException {
        List<Integer> ports = cluster.listenerPorts();

        List<String> listening = ListeningSockets.localAddresses(
                ports.stream().mapToInt(Integer::intValue).toArray());

        assertThat(ports).hasSize(6);
        assertThat(listening).hasSize(6);
        assertThat(listening).containsOnly("127.0.0.1");
    }

    @Test
    void restartedNodeRunsAgain() {
        cluster.stopNode(3);
        boolean runningWhileStopped = cluster.isRunning(3);

        cluster.restartNode(3);

        assertThat(runningWhileStopped).isFalse();
        assertThat(cluster.isRunning(3)).isTrue();
    }
}
