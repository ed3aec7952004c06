/**
 * Record formats, found by {@link java.util.ServiceLoader} through {@link dev.kafkasim.core.spi.FormatProvider}:
 * {@code json}, {@code string}, {@code csv} and {@code bytes}.
 *
 * <p>A stream selects its formats in its scenario block, for example
 * {@code format = json} and {@code key-format { type = string }}.
 */
package dev.kafkasim.formats;
