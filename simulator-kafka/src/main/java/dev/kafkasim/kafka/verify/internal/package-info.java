/** Internals of the delivery verifier: per-stream tracking of sequence numbers. Not API. */
package dev.kafkasim.kafka.verify.internal;
