package dev.kafkasim.kafka.junit.internal;

/** A Kafka cluster that tests run against, whatever started it. */
public interface KafkaBackend extends AutoCloseable {
    /** Returns the addresses clients connect to, such as {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /** Returns a short description for messages, such as {@code embedded broker at 127.0.0.1:40123}. */
    String description();

    /** Stops what this backend started; does nothing for a shared or external cluster. */
    @Override
    void close();
}
