/** Generators that choose among declared values: weighted choices, uniform choices, booleans and constants. */
package dev.kafkasim.generators.choice;
