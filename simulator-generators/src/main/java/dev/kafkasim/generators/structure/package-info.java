/** Generators that nest other generators: nullable values, objects of named fields and arrays. */
package dev.kafkasim.generators.structure;
