/**
 * Plugin interfaces, found with {@link java.util.ServiceLoader}: generators of field values, sinks that receive
 * records, and formats that encode keys and values.
 */
package dev.kafkasim.core.spi;
