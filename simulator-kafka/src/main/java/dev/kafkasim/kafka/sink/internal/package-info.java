/** Internals of the Kafka sink: producer defaults, secret masking, topic creation and pending sends. Not API. */
package dev.kafkasim.kafka.sink.internal;
