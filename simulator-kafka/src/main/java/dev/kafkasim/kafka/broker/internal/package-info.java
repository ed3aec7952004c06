/** Internals of the embedded broker: its properties, storage formatting, free ports and the exit guard. Not API. */
package dev.kafkasim.kafka.broker.internal;
