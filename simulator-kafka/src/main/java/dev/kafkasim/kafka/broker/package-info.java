/**
 * An embedded Kafka broker for tests: one combined broker and KRaft controller running in the JVM, bound to
 * 127.0.0.1 only. Start it with {@link dev.kafkasim.kafka.broker.EmbeddedKafkaBroker#start()}, or share one per
 * JVM with {@link dev.kafkasim.kafka.broker.EmbeddedKafkaBroker#shared()}.
 *
 * <p>The Kafka server artifacts ({@code kafka_2.13}, {@code kafka-server}, {@code kafka-server-common} and the
 * Yammer metrics core) are optional dependencies of this module: declare them in the project that starts a broker.
 */
package dev.kafkasim.kafka.broker;
