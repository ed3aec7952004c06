package dev.kafkasim.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder()
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void bootstrapServersIsLoopbackAddress() {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
    }

    @Test
    void listenersBindToLoopbackOnly() throws IOException {
        List<String> listening = ListeningSockets.localAddresses(broker.port(), broker.controllerPort());

        assertThat(listening).hasSize(2);
        assertThat(listening).containsOnly("127.0.0.1");
    }

    @Test
    void saslListenerBindsToLoopbackOnly() throws IOException {
        try (EmbeddedKafkaBroker secured = EmbeddedKafkaBroker.builder()
                .saslPlainUser("sim", "sim-password")
                .start()) {
            List<Integer> ports = secured.listenerPorts();

            List<String> listening = ListeningSockets.localAddresses(
                    ports.stream().mapToInt(Integer::intValue).toArray());

            assertThat(ports).hasSize(3);
            assertThat(listening).hasSize(3);
            assertThat(listening).containsOnly("127.0.0.1");
            assertThat(secured.saslBootstrapServers()).isEqualTo("127.0.0.1:" + ports.get(2));
        }
    }

    @Test
    void sharedBrokerRejectsStop() {
        EmbeddedKafkaBroker shared = EmbeddedKafkaBroker.shared();

        assertThatThrownBy(shared::stop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not allowed on the shared embedded broker");
    }

    @Test
    void createTopicElectsLeaders() throws Exception {
        broker.createTopic("broker-test.partitions", 3);

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(Set.of("broker-test.partitions"))
                    .allTopicNames()
                    .get()
                    .get("broker-test.partitions");
            assertThat(description.partitions()).hasSize(3);
            assertThat(description.partitions())
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void createTopicTwiceKeepsTopic() {
        broker.createTopic("broker-test.twice", 2);

        broker.createTopic("broker-test.twice", 2);
    }

    @Test
    void acceptsTimestampFarInFuture() throws Exception {
        broker.createTopic("broker-test.future", 1);
        long inOneYear = System.currentTimeMillis() + Duration.ofDays(365).toMillis();

        RecordMetadata metadata = send(new ProducerRecord<>("broker-test.future", null, inOneYear, "k", "v"));

        assertThat(metadata.timestamp()).isEqualTo(inOneYear);
    }

    @Test
    void createTopicsRejectsZeroPartitions() {
        assertThatThrownBy(() -> broker.createTopics(List.of("broker-test.zero"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions must be at least 1 but was 0");
    }

    @Test
    void closeDeletesDirectory() {
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start();
        Path directory = second.directory();

        second.close();

        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void sharedBrokerIsOnePerJvm() {
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.shared();
        first.close();

        EmbeddedKafkaBroker again = EmbeddedKafkaBroker.shared();

        assertThat(again).isSameAs(first);
        assertThat(Files.exists(again.directory())).isTrue();
    }

    private static RecordMetadata send(ProducerRecord<String, String> record)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(record).get();
        }
    }
}
