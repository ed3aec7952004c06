package dev.kafkasim.kafka.junit;

/** The source of the broker that a {@link KafkaSimTest} class runs against. */
public enum Backend {
    /**
     * The cluster named by {@value KafkaSimTest#BOOTSTRAP_SERVERS_PROPERTY} or {@code KAFKASIM_BOOTSTRAP_SERVERS} if
     * either is set, else {@link #EMBEDDED}.
     */
    AUTO,

    /** Kafka's own server classes running in the test JVM, listening on 127.0.0.1 only. */
    EMBEDDED,

    /**
     * Testcontainers' {@code KafkaContainer}, which needs a Docker engine and the optional dependency {@code
     * org.testcontainers:testcontainers-kafka}. One container per class.
     */
    TESTCONTAINERS,

    /**
     * A running cluster named by {@value KafkaSimTest#BOOTSTRAP_SERVERS_PROPERTY} or the environment variable
     * {@code KAFKASIM_BOOTSTRAP_SERVERS}; the extension neither starts nor stops it.
     */
    EXTERNAL
}
