package dev.kafkasim.core.spi;

import dev.kafkasim.core.SimRecord;

/**
 * Receives the outcome of one {@link Sink#send}. Called exactly once per record, from any thread.
 */
@FunctionalInterface
public interface SendCallback {
    /**
     * Reports that a record was acknowledged ({@code error} is null) or failed.
     *
     * @param record the record that was sent
     * @param error the failure, or {@code null} on success
     */
    void onCompletion(SimRecord record, Throwable error);
}
