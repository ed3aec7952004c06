package dev.kafkasim.examples.dashboard;

import dev.kafkasim.kafka.verify.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * What the page shows, sent as JSON by {@code GET /api/status} and as each event of {@code GET /api/events}.
 *
 * @param state {@code IDLE} before the first run, {@code STARTING} while a run connects, then the engine's state:
 *     {@code RUNNING}, {@code PAUSED}, {@code STOPPING}, {@code COMPLETED}, {@code STOPPED} or {@code FAILED}
 * @param actions which buttons are possible in this state
 * @param runId the engine's run id, or {@code null} before the first run
 * @param scenario the bundled scenario name or the file path of the run
 * @param bootstrapServers the cluster the run writes to
 * @param embeddedBroker the embedded broker's address, or {@code null} when none was started
 * @param totals counts across all streams
 * @param streams each stream's counts and recent records, in declared order
 * @param latency end-to-end latency percentiles over the last seconds, from send until the verifier read the
 *     record; {@code null} before the first run
 * @param sendLatency send latency percentiles over the last seconds, from send to acknowledgement; {@code null}
 *     before the first run
 * @param verification the delivery verifier's result, or {@code null} while the run is active
 * @param error the error that ended or prevented the run, or {@code null}
 */
record DashboardStatus(
        String state,
        Actions actions,
        String runId,
        String scenario,
        String bootstrapServers,
        String embeddedBroker,
        Totals totals,
        List<StreamView> streams,
        Latency latency,
        Latency sendLatency,
        Verification verification,
        ErrorView error) {

    /** Whether each control is possible now. */
    record Actions(boolean start, boolean pause, boolean resume, boolean stop) {}

    /** Counts across all streams; {@code consumed} counts records the verifier read back. */
    record Totals(long generated, long acknowledged, long failed, long inFlight, long consumed) {}

    /**
     * One stream's rates, counts and its latest records; rates in records per second. {@code paused} is true while
     * the stream alone is paused, and stays false when the whole run is.
     */
    record StreamView(
            String stream,
            String topic,
            double targetRate,
            double achievedRate,
            long generated,
            long acknowledged,
            long failed,
            long consumed,
            long lagMillis,
            Map<String, Long> faults,
            boolean paused,
            List<RecentRecord> recent) {}

    /** A record as sent: its key and value as text, its event time in epoch milliseconds and its fault, if any. */
    record RecentRecord(long sequence, String key, String value, long timestamp, String fault) {}

    /**
     * Latency percentiles in milliseconds, the highest among the run's streams, and what was measured:
     * {@code end-to-end} runs from send until the verifier read the record, {@code send} from send to acknowledgement.
     * {@code count} is the number of latencies recorded so far.
     */
    record Latency(String source, double p50, double p95, double p99, long count) {}

    /**
     * The verifier's result.
     *
     * @param state {@code waiting} while it reads the last records, then {@code done} or {@code failed}
     * @param passed whether every acknowledged record was read back exactly once; {@code null} until done
     * @param summary the verifier's summary line
     * @param streams each stream's counts
     * @param endToEndLatency the end-to-end latency over the whole run, in milliseconds; {@code null} until done
     * @param error why the verifier failed, or {@code null}
     */
    record Verification(
            String state,
            Boolean passed,
            String summary,
            List<StreamCheck> streams,
            LatencySummary endToEndLatency,
            String error) {}

    /**
     * One stream's verification counts; {@code orderViolations} counts records read after a higher sequence number
     * of the same key in the same partition, faults excluded.
     */
    record StreamCheck(
            String stream, long expected, long consumed, long missing, long duplicates, long orderViolations) {}

    /** An error in plain words, with each configuration problem behind it. */
    record ErrorView(String message, List<Problem> problems) {}

    /** One configuration problem: where it was found, the HOCON path and what is wrong. */
    record Problem(String origin, String path, String message) {}
}
