/**
 * The delivery verifier: a consumer that reads the simulated topics back and reports, per stream, how many records
 * arrived, which sequence numbers are missing and which arrived more than once, with assertions for tests.
 */
package dev.kafkasim.kafka.verify;
