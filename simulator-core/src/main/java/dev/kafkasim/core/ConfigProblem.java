package dev.kafkasim.core;

import java.util.Objects;

/**
 * One problem found in a simulation's configuration.
 *
 * @param origin where the value was declared, such as {@code sensors.conf:14}, or {@code null} when the value
 *     has no known origin (a missing key in a builder-made spec)
 * @param path the full HOCON path of the value, such as {@code simulation.streams.sensors.rate}
 * @param message what is wrong and what would be valid, such as {@code unknown key; did you mean 'stddev'?}
 */
public record ConfigProblem(String origin, String path, String message) {

    /**
     * Creates a problem.
     *
     * @throws NullPointerException if {@code path} or {@code message} is null
     */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Renders the problem as one line: {@code origin: path: message}, without the origin when it is unknown.
     *
     * @return the problem as a line of text
     */
    public String render() {
        return origin == null ? path + ": " + message : origin + ": " + path + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
