/** Helpers shared by the built-in generators: parameter validation, bounded sampling and value conversion. Not API. */
package dev.kafkasim.generators.internal;
