package dev.kafkasim.kafka.verify;

import dev.kafkasim.core.KafkasimException;

/**
 * Thrown by {@link DeliveryVerifier#awaitCompletion} when records are still missing at the timeout. The message
 * lists, per stream, how many are missing and the first missing sequence numbers; {@link #report()} returns the
 * whole report at that moment.
 */
public final class DeliveryTimeoutException extends KafkasimException {
    private static final long serialVersionUID = 1L;

    private final transient DeliveryReport report;

    /**
     * Creates the exception.
     *
     * @param message what is still missing, per stream
     * @param report the report when the timeout passed
     */
    public DeliveryTimeoutException(String message, DeliveryReport report) {
        super(message);
        this.report = report;
    }

    /** Returns the report when the timeout passed, or {@code null} after deserialization. */
    public DeliveryReport report() {
        return report;
    }
}
