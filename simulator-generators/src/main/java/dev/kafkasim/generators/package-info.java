/**
 * The built-in field generators, registered with {@link java.util.ServiceLoader} as
 * {@link dev.kafkasim.core.spi.GeneratorProvider} implementations, one sub-package per concept: numeric
 * distributions, choices among values, text and identifiers, structures that nest other generators, and generators
 * that keep state per entity.
 */
package dev.kafkasim.generators;
