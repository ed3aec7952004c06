package dev.kafkasim.core;

import java.util.Map;

/**
 * One stream's counts in an {@link EngineStats} snapshot.
 *
 * @param stream the stream name
 * @param topic the destination topic
 * @param sink the name of the sink that receives the stream
 * @param generated records generated so far
 * @param acknowledged records the sink acknowledged
 * @param failed records the sink reported failed, or that could not be sent
 * @param targetRate the rate the schedule requests at the latest record, in records per second
 * @param lagMillis with the real-time clock, how far the latest record was sent behind its scheduled time, in
 *     milliseconds; always 0 with the virtual clock
 * @param faults records injected with a fault, by fault kind (such as {@code late}); kinds not injected are absent
 */
public record StreamStats(
        String stream,
        String topic,
        String sink,
        long generated,
        long acknowledged,
        long failed,
        double targetRate,
        long lagMillis,
        Map<String, Long> faults) {

    /** Creates the stats, copying the fault counts. */
    public StreamStats {
        faults = Map.copyOf(faults);
    }

    /**
     * Returns how many sequence numbers the stream used: records generated, less the copies that the
     * {@code duplicate} fault added with the sequence number of their original. A consumer that reads every record
     * reads the numbers {@code 0} to {@code sequences() - 1}.
     */
    public long sequences() {
        return generated - faults.getOrDefault("duplicate", 0L);
    }

    /** Returns records sent and not yet completed. */
    public long inFlight() {
        return generated - acknowledged - failed;
    }
}
