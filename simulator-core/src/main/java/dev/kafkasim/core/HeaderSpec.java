package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import java.util.Objects;

/**
 * One user-defined header of a stream, sent on every record beside the headers kafkasim adds itself: either a
 * static text, such as {@code tenant = acme}, or a generator block, such as {@code trace-id { type = uuid }}, whose
 * value is drawn for each record.
 *
 * @param name the header name, which does not start with {@code kafkasim.}
 * @param value the static text, or {@code null} for a generated header or a header without a value
 * @param generator the generator block, or {@code null} for a static header
 * @param origin where the header was declared, or {@code null}
 */
public record HeaderSpec(String name, String value, Config generator, ConfigOrigin origin) {
    /** The prefix of the headers kafkasim adds itself, which user headers may not use. */
    public static final String RESERVED_PREFIX = "kafkasim.";

    /**
     * Creates a header spec.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if both a value and a generator are given
     */
    public HeaderSpec {
        Objects.requireNonNull(name, "name");
        if (value != null && generator != null) {
            throw new IllegalArgumentException("header '" + name + "' has both a static value and a generator");
        }
    }

    /** Returns whether the header's value is drawn from a generator for each record. */
    public boolean generated() {
        return generator != null;
    }
}
