/**
 * A JUnit Jupiter extension for tests against Kafka: {@link dev.kafkasim.kafka.junit.KafkaSimTest} provides a broker,
 * creates topics and injects engines, verifiers, an admin client and the bootstrap servers. Needs the optional
 * dependency {@code org.junit.jupiter:junit-jupiter-api}.
 */
package dev.kafkasim.kafka.junit;
