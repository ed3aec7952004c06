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

    /** The longest message kept whole; longer ones, such as those quoting a huge value, are shortened. */
    static final int MAX_MESSAGE_LENGTH = 600;

    /**
     * Creates a problem. A message longer than 600 characters keeps its start and end around a note of how many
     * characters were left out.
     *
     * @throws NullPointerException if {@code path} or {@code message} is null
     */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (message.length() > MAX_MESSAGE_LENGTH) {
            int omitted = message.length() - 400;
            message = message.substring(0, 250) + "[... " + omitted + " characters ...]"
                    + message.substring(message.length() - 150);
        }
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
