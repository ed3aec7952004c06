package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class MisuseTest {
    @Test
    void engineWithoutScenarioNamesParameter() {
        Throwable failure = TestKit.configurationError(TestKit.run(NoScenario.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("parameter 0 (SimulatorEngine) of NoScenario.run() needs a scenario; set"
                        + " @KafkaSimTest(scenario = \"iot-sensors\") on the class or annotate it with"
                        + " @Scenario(\"iot-sensors\"), using a bundled name, classpath:path or a file path");
    }

    @Test
    void unknownScenarioListsTheForms() {
        Throwable failure = TestKit.configurationError(TestKit.run(UnknownScenario.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("scenario 'iot-sensor' was not found as a file, a class path resource or a"
                        + " bundled scenario (kafkasim/scenarios/iot-sensor.conf)");
    }

    @Test
    void unknownStreamListsKnownStreams() {
        Throwable failure = TestKit.configurationError(TestKit.run(UnknownStream.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@KafkaSimTest on " + UnknownStream.class.getName() + ": topics[0] names stream"
                        + " 'sensor', which scenario 'iot-sensors' does not declare; its streams and topics are"
                        + " [iot.sensors, sensors]");
    }

    @Test
    void unknownTopicNameListsKnownNames() {
        Throwable failure = TestKit.configurationError(TestKit.run(UnknownTopicName.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("field UnknownTopicName.topic: @TopicName(\"clicks\") names neither a stream of the"
                        + " class's scenario nor a topic of @KafkaSimTest(topics); known names: [iot.sensors,"
                        + " sensors]");
    }

    @Test
    void conflictingBackendsNameBoth() {
        Throwable failure = TestKit.configurationError(TestKit.run(ConflictingBackends.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@KafkaSimTest on " + ConflictingBackends.class.getName() + ": backend = TESTCONTAINERS"
                        + " conflicts with brokers = 3, which start embedded brokers; remove one of the two");
    }

    @Test
    void externalBackendNeedsAddress() {
        Throwable failure = TestKit.configurationError(TestKit.run(ExternalWithoutAddress.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@KafkaSimTest on " + ExternalWithoutAddress.class.getName() + ": backend = EXTERNAL"
                        + " needs the address of a cluster; set -Dkafkasim.bootstrap.servers=HOST:PORT or the"
                        + " environment variable KAFKASIM_BOOTSTRAP_SERVERS");
    }

    @Test
    void topicNeedsNameOrStream() {
        Throwable failure = TestKit.configurationError(TestKit.run(TopicWithBoth.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("topics[0] must give exactly one of name and stream, such as"
                        + " @Topic(name = \"iot.sensors\", partitions = 3) or @Topic(stream = \"sensors\")");
    }

    @Test
    void wrongFieldTypeNamesField() {
        Throwable failure = TestKit.configurationError(TestKit.run(WrongFieldType.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("field WrongFieldType.servers is annotated with @BootstrapServers but has type"
                        + " java.lang.Integer; declare it as String");
    }

    @Test
    void verifierOfTwoEnginesIsAmbiguous() {
        Throwable failure = TestKit.configurationError(TestKit.run(TwoEnginesOneVerifier.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("parameter 2 (DeliveryVerifier) of TwoEnginesOneVerifier.run() is"
                        + " ambiguous: the test uses 2 engines");
    }

    @Test
    void misuseStartsNoTest() {
        assertThat(TestKit.run(ConflictingBackends.class).testEvents().started().count())
                .isZero();
    }

    @RunByTestKit
    @KafkaSimTest
    static class NoScenario {
        @Test
        void run(SimulatorEngine engine) {}
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensor")
    static class UnknownScenario {
        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors", topics = @Topic(stream = "sensor"))
    static class UnknownStream {
        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors")
    static class UnknownTopicName {
        @TopicName("clicks")
        String topic;

        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(backend = Backend.TESTCONTAINERS, brokers = 3)
    static class ConflictingBackends {
        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(backend = Backend.EXTERNAL)
    static class ExternalWithoutAddress {
        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(topics = @Topic(name = "a", stream = "b"))
    static class TopicWithBoth {
        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest
    static class WrongFieldType {
        @BootstrapServers
        Integer servers;

        @Test
        void run() {}
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors")
    static class TwoEnginesOneVerifier {
        @Test
        void run(SimulatorEngine sensors, @Scenario("orders") SimulatorEngine orders, DeliveryVerifier verifier) {}
    }
}
