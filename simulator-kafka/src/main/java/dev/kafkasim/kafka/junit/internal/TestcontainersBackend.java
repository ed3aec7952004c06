package dev.kafkasim.kafka.junit.internal;

import org.testcontainers.kafka.KafkaContainer;

/**
 * A broker in a Docker container started by Testcontainers. Only this class refers to Testcontainers, so the
 * optional dependency is needed only when a test chooses this backend.
 */
final class TestcontainersBackend implements KafkaBackend {
    private final KafkaContainer container;

    private TestcontainersBackend(KafkaContainer container) {
        this.container = container;
    }

    static TestcontainersBackend start(String image) {
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        return new TestcontainersBackend(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
