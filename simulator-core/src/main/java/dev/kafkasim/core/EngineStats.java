package dev.kafkasim.core;

import java.util.Map;

/**
 * A snapshot of a running or finished simulation, from {@link SimulatorEngine#stats()}.
 *
 * @param state the engine's state when the snapshot was taken
 * @param generated records generated so far, across all streams
 * @param acknowledged records the sinks acknowledged
 * @param failed records the sinks reported failed, or that could not be sent
 * @param inFlight records sent and not yet completed: {@code generated - acknowledged - failed}
 * @param streams the same counts per stream, in declared order
 */
public record EngineStats(
        State state, long generated, long acknowledged, long failed, long inFlight, Map<String, StreamStats> streams) {

    /** The life cycle of an engine. */
    public enum State {
        /** Built and not started. */
        CREATED,
        /** Generating records. */
        RUNNING,
        /** Paused by {@link SimulatorEngine#pause()}; no records are generated until resumed. */
        PAUSED,
        /** Stopping: no more records are generated, the sinks are being flushed. */
        STOPPING,
        /** Every stream reached its limit and every record completed. */
        COMPLETED,
        /** Stopped by {@link SimulatorEngine#stop()} or {@link SimulatorEngine#close()} before completion. */
        STOPPED,
        /** Ended by an error, available from {@link SimulatorEngine#failure()}. */
        FAILED;

        /** Returns whether the engine has finished: completed, stopped or failed. */
        public boolean isTerminal() {
            return this == COMPLETED || this == STOPPED || this == FAILED;
        }
    }

    /**
     * Returns one stream's counts.
     *
     * @param stream the stream name
     * @throws IllegalArgumentException if the simulation has no such stream
     */
    public StreamStats stream(String stream) {
        StreamStats stats = streams.get(stream);
        if (stats == null) {
            throw new IllegalArgumentException(
                    "unknown stream '" + stream + "'; the simulation has " + streams.keySet());
        }
        return stats;
    }
}
