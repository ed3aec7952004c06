/** Engine internals: configuration parsing, plugin discovery, scheduling and pacing. Not API; may change. */
package dev.kafkasim.core.internal;
