/**
 * Runs scenarios against a Kafka Streams topology without a broker: {@link
 * dev.kafkasim.kafka.streams.TopologyTestDriverSink} pipes generated records into a {@code TopologyTestDriver} and
 * moves its clocks with event time.
 */
package dev.kafkasim.kafka.streams;
