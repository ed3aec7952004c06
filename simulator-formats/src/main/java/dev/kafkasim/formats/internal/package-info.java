/** Encoders behind the format providers; not API. */
package dev.kafkasim.formats.internal;
