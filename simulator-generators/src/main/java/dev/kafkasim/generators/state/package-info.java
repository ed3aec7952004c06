/**
 * Generators that keep state between records, per entity where the record has a key: random walks, geometric
 * Brownian motion, Markov chains and unique values.
 */
package dev.kafkasim.generators.state;
