package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class BrokerSharingTest {
    @Test
    void classesShareOneBrokerByDefault() {
        EngineExecutionResults first = TestKit.run(ReportsServers.class);
        EngineExecutionResults second = TestKit.run(ReportsServers.class);

        String shared = EmbeddedKafkaBroker.shared().bootstrapServers();
        assertThat(TestKit.reportEntries(first, "servers")).containsExactly(shared);
        assertThat(TestKit.reportEntries(second, "servers")).containsExactly(shared);
    }

    @Test
    void perClassBrokerIsItsOwn() {
        EngineExecutionResults results = TestKit.run(OwnBroker.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(TestKit.reportEntries(results, "servers"))
                .singleElement()
                .isNotEqualTo(EmbeddedKafkaBroker.shared().bootstrapServers());
    }

    @Test
    void externalPropertyNamesTheCluster() {
        try (EmbeddedKafkaBroker external = EmbeddedKafkaBroker.start()) {
            String servers = external.bootstrapServers();

            EngineExecutionResults results =
                    TestKit.run(ReportsServers.class, Map.of(KafkaSimTest.BOOTSTRAP_SERVERS_PROPERTY, servers));

            assertThat(TestKit.reportEntries(results, "servers")).containsExactly(servers);
        }
    }

    @Test
    void uniqueTopicsGetClassSuffix() {
        EngineExecutionResults results = TestKit.run(UniqueTopics.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(TestKit.reportEntries(results, "topic"))
                .singleElement()
                .asString()
                .matches("iot\\.sensors-uniquetopics-[0-9a-f]{6}");
    }

    @RunByTestKit
    @KafkaSimTest
    static class ReportsServers {
        @Test
        void report(@BootstrapServers String servers, TestReporter reporter) {
            reporter.publishEntry("servers", servers);
        }
    }

    @RunByTestKit
    @KafkaSimTest(perClassBroker = true)
    static class OwnBroker {
        @Test
        void report(@BootstrapServers String servers, TestReporter reporter) {
            reporter.publishEntry("servers", servers);
        }
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors", uniqueTopics = true, topics = @Topic(stream = "sensors", partitions = 2))
    static class UniqueTopics {
        @Test
        void report(
                @TopicName("sensors") String topic,
                dev.kafkasim.core.SimulatorEngine engine,
                org.apache.kafka.clients.admin.Admin admin,
                TestReporter reporter)
                throws Exception {
            assertThat(engine.spec().streams().get("sensors").topic()).isEqualTo(topic);
            assertThat(admin.listTopics().names().get()).contains(topic);
            reporter.publishEntry("topic", topic);
        }
    }
}
