package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;

/** One embedded node: the JVM's shared broker, or one of the class's own. */
final class EmbeddedBackend implements KafkaBackend {
    private final EmbeddedKafkaBroker broker;
    private final boolean shared;

    private EmbeddedBackend(EmbeddedKafkaBroker broker, boolean shared) {
        this.broker = broker;
        this.shared = shared;
    }

    static EmbeddedBackend shared() {
        return new EmbeddedBackend(EmbeddedKafkaBroker.shared(), true);
    }

    static EmbeddedBackend perClass() {
        return new EmbeddedBackend(EmbeddedKafkaBroker.start(), false);
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String description() {
        return (shared ? "shared embedded broker at " : "embedded broker at ") + bootstrapServers();
    }

    @Override
    public void close() {
        // The shared broker ignores close() and stops when the JVM exits.
        broker.close();
    }
}
