/**
 * JMH benchmarks and measurement programs for kafkasim: generator and whole-record throughput beside a
 * hand-written baseline, the Kafka sink beside Kafka's {@code ProducerPerformance}, real-time rate accuracy and
 * memory over run length. The scripts in {@code bench/} run them; none of this is published.
 */
package dev.kafkasim.benchmarks;
