/**
 * The Kafka producer sink, type {@code kafka}: sends each record with a {@code KafkaProducer}, stamped with the
 * {@link dev.kafkasim.kafka.sink.KafkasimHeaders headers} that the delivery verifier reads back.
 *
 * <pre>
 * sinks.main {
 *   type = kafka
 *   bootstrap-servers = "127.0.0.1:9092"
 *   producer { acks = all, linger.ms = 5 }
 * }
 * </pre>
 */
package dev.kafkasim.kafka.sink;
