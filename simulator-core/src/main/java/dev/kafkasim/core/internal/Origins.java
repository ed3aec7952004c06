package dev.kafkasim.core.internal;

import com.typesafe.config.ConfigOrigin;

/** Renders Typesafe Config origins as {@code file:line}, the form used in every configuration problem. */
public final class Origins {
    private Origins() {}

    /**
     * Returns {@code file:line} for a file origin, the origin's description otherwise, or {@code null} for none.
     *
     * @param origin the origin of a value, or {@code null}
     */
    public static String describe(ConfigOrigin origin) {
        if (origin == null) {
            return null;
        }
        String name = origin.filename();
        if (name == null && origin.url() != null) {
            String url = origin.url().toString();
            name = url.substring(url.lastIndexOf('/') + 1);
        }
        if (name == null) {
            name = origin.resource();
        }
        if (name == null) {
            name = origin.description();
        } else {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = name.substring(slash + 1);
        }
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }
}
