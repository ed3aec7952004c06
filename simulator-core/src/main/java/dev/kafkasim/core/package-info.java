/**
 * The public API of kafkasim: the engine, the simulation spec and its builder, the record model and the exceptions.
 */
package dev.kafkasim.core;
