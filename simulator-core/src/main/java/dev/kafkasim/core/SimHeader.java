package dev.kafkasim.core;

import java.util.Objects;

/**
 * A record header: a name and a text value, written as UTF-8 bytes by sinks that support headers.
 *
 * @param name the header name, such as {@code kafkasim.fault}
 * @param value the header value, or {@code null} for a header without a value
 */
public record SimHeader(String name, String value) {

    /**
     * Creates a header.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public SimHeader {
        Objects.requireNonNull(name, "name");
    }
}
