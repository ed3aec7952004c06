/**
 * A generator plugin written as a third party would write one: a provider class, registered in
 * {@code META-INF/services/dev.kafkasim.core.spi.GeneratorProvider}, that the engine finds on the class path.
 */
package dev.kafkasim.examples.plugin;
