/**
 * The {@code kafkasim} command: runs a scenario against an embedded or existing Kafka cluster, reads every record
 * back and reports whether any was lost or duplicated. {@link dev.kafkasim.examples.cli.KafkasimCommand} is the
 * entry point.
 */
package dev.kafkasim.examples.cli;
