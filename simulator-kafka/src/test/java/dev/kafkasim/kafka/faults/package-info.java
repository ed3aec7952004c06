/** Tests that run the engine against embedded brokers while nodes stop and restart. */
package dev.kafkasim.kafka.faults;
