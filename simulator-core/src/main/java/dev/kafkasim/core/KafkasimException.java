package dev.kafkasim.core;

/**
 * Root of every unchecked exception that kafkasim throws on purpose.
 *
 * <p>Catch this type to handle any failure of a simulation, or one of its subtypes for a specific
 * cause: {@link ConfigurationException} for an invalid scenario, {@link DuplicatePluginException}
 * for two plugins that claim one type name.
 */
public class KafkasimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, with the values involved
     */
    public KafkasimException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed, with the values involved
     * @param cause the underlying failure, or {@code null}
     */
    public KafkasimException(String message, Throwable cause) {
        super(message, cause);
    }
}
