/**
 * Generators of numbers: uniform, normal, log-normal, exponential, Poisson and Zipf distributions, sequences and
 * seasonal cycles.
 */
package dev.kafkasim.generators.numeric;
