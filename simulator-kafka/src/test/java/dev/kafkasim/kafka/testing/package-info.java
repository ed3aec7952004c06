/** Test helpers: hand-built streams and records, and a recording send callback. */
package dev.kafkasim.kafka.testing;
