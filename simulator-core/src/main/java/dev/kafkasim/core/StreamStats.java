package dev.kafkasim.core;

/**
 * One stream's counts in an {@link EngineStats} snapshot.
 *
 * @param stream the stream name
 * @param topic the destination topic
 * @param sink the name of the sink that receives the stream
 * @param generated records generated so far
 * @param acknowledged records the sink acknowledged
 * @param failed records the sink reported failed, or that could not be sent
 * @param targetRate the declared rate in records per second
 * @param lagMillis with the real-time clock, how far the latest record was sent behind its scheduled time, in
 *     milliseconds; always 0 with the virtual clock
 */
public record StreamStats(
        String stream,
        String topic,
        String sink,
        long generated,
        long acknowledged,
        long failed,
        double targetRate,
        long lagMillis) {

    /** Returns records sent and not yet completed. */
    public long inFlight() {
        return generated - acknowledged - failed;
    }
}
