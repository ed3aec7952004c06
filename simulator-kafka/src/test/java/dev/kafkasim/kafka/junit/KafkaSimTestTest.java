package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import dev.kafkasim.kafka.verify.DeliveryReport;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@KafkaSimTest(
        scenario = "iot-sensors",
        overrides = "simulation { clock = virtual, count = 500 }",
        topics = {@Topic(stream = "sensors", partitions = 3), @Topic(name = "alerts", partitions = 2)})
class KafkaSimTestTest {
    @BootstrapServers
    static String staticBootstrapServers;

    @KafkaSimInject
    static Admin staticAdmin;

    @Scenario
    SimulatorEngine engineField;

    @BootstrapServers
    String bootstrapServers;

    @TopicName("sensors")
    String sensorsTopic;

    static String beforeAllServers;

    @BeforeAll
    static void recordServers(@BootstrapServers String servers) {
        beforeAllServers = servers;
    }

    @Test
    void sharesTheJvmBroker() {
        assertThat(bootstrapServers).isEqualTo(EmbeddedKafkaBroker.shared().bootstrapServers());
        assertThat(staticBootstrapServers).isEqualTo(bootstrapServers);
        assertThat(beforeAllServers).isEqualTo(bootstrapServers);
    }

    @Test
    void createsDeclaredTopicsWithPartitions(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> topics = admin.describeTopics(List.of("iot.sensors", "alerts"))
                .allTopicNames()
                .get();

        assertThat(topics.get("iot.sensors").partitions()).hasSize(3);
        assertThat(topics.get("alerts").partitions()).hasSize(2);
        assertThat(topics.get("iot.sensors").partitions()).allMatch(partition -> partition.leader() != null);
    }

    @Test
    void injectsOneAdminPerClass(Admin admin) {
        assertThat(admin).isSameAs(staticAdmin);
    }

    @Test
    void topicNamesKeepDeclaredNames(@TopicName("alerts") String alerts) {
        assertThat(sensorsTopic).isEqualTo("iot.sensors");
        assertThat(alerts).isEqualTo("alerts");
    }

    @Test
    void engineDeliversEveryRecord(SimulatorEngine engine, DeliveryVerifier verifier) {
        engine.start();
        boolean finished = engine.awaitCompletion(Duration.ofSeconds(30));
        DeliveryReport report = verifier.awaitReport(Map.of("sensors", 500L), Duration.ofSeconds(30));

        assertThat(finished).isTrue();
        assertThat(engine.stats().acknowledged()).isEqualTo(500);
        assertThat(report.consumed()).isEqualTo(500);
        report.assertNoLoss();
        report.assertNoDuplicates();
    }

    @Test
    void fieldAndParameterShareTheEngine(SimulatorEngine engine) {
        assertThat(engine).isSameAs(engineField);
    }

    @Test
    void scenarioParameterGetsItsOwnEngine(
            SimulatorEngine engine,
            @Scenario(value = "orders", overrides = "simulation.count = 10") SimulatorEngine orders) {
        assertThat(orders).isNotSameAs(engine);
        assertThat(orders.spec().streams()).containsOnlyKeys("orders");
        assertThat(orders.spec().count()).isEqualTo(10);
    }

    @Test
    void enginePointsKafkaSinkAtBroker(SimulatorEngine engine) {
        assertThat(engine.spec().sinks()).containsOnlyKeys("main");
        assertThat(engine.spec().sinks().get("main").getString("type")).isEqualTo("kafka");
        assertThat(engine.spec().sinks().get("main").getString("bootstrap-servers"))
                .isEqualTo(bootstrapServers);
    }
}
