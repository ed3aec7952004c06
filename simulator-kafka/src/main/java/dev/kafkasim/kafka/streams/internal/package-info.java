/** Internals of the TopologyTestDriver sink: the serializers that wrap the application's own. Not API. */
package dev.kafkasim.kafka.streams.internal;
