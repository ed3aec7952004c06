package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.kafka.junit.Backend;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Starts or finds the cluster that a class's settings ask for. */
final class Backends {
    private Backends() {}

    static KafkaBackend start(Settings settings) {
        Backend backend = settings.backend();
        try {
            return switch (backend) {
                case EXTERNAL ->
                    new ExternalBackend(
                            settings.externalServers().bootstrapServers(),
                            settings.externalServers().source());
                case TESTCONTAINERS ->
                    TestcontainersBackend.start(settings.annotation().image());
                default -> embedded(settings);
            };
        } catch (NoClassDefFoundError e) {
            throw new ExtensionConfigurationException(
                    settings.element() + ": backend " + backend + " needs "
                            + (backend == Backend.TESTCONTAINERS
                                    ? "the test dependency org.testcontainers:testcontainers-kafka"
                                    : "the test dependencies org.apache.kafka:kafka_2.13, kafka-server, kafka-server-common"
                                            + " and com.yammer.metrics:metrics-core")
                            + " on the class path; class " + e.getMessage() + " is missing",
                    e);
        }
    }

    private static KafkaBackend embedded(Settings settings) {
        if (settings.annotation().brokers() > 1) {
            return ClusterBackend.start(settings.annotation().brokers());
        }
        return settings.annotation().perClassBroker() ? EmbeddedBackend.perClass() : EmbeddedBackend.shared();
    }
}
