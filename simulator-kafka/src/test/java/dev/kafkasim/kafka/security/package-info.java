/** Tests of SASL authentication and of keeping credentials out of messages and logs. */
package dev.kafkasim.kafka.security;
