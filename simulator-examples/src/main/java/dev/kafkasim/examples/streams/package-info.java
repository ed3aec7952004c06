/**
 * Example Kafka Streams applications tested with kafkasim traffic, both through a {@code TopologyTestDriver} and
 * against an embedded broker: sensor anomalies over tumbling windows with late readings, clickstream sessions, and
 * orders enriched with customers.
 */
package dev.kafkasim.examples.streams;
