package dev.kafkasim.kafka.sink.internal;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records a sink has sent and not yet completed, so that each completes its callback exactly once: on the
 * producer's acknowledgement, on a synchronous send error, or with an error when the sink closes first.
 */
public final class PendingSends {
    private static final Logger LOG = LoggerFactory.getLogger(PendingSends.class);

    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private final LongAdder acknowledged = new LongAdder();
    private final AtomicLong failed = new AtomicLong();
    private final String sinkName;
    private final BiFunction<SimRecord, Throwable, Throwable> describeError;
    private int nextHash;

    /**
     * Creates an empty set.
     *
     * @param sinkName the sink's name, for logs
     * @param describeError turns a producer error into the error the callback receives, such as one that names
     *     the cluster's address
     */
    public PendingSends(String sinkName, BiFunction<SimRecord, Throwable, Throwable> describeError) {
        this.sinkName = sinkName;
        this.describeError = describeError;
    }

    /**
     * Registers a record about to be sent.
     *
     * @param record the record
     * @param callback the engine's callback
     * @param latency the timer that receives the time from this call to the record's completion, or {@code null}
     * @return the producer callback that completes the record
     */
    public Pending add(SimRecord record, SendCallback callback, Timer latency) {
        Pending send = new Pending(record, callback, latency, System.nanoTime(), nextHash++);
        pending.add(send);
        return send;
    }

    /**
     * Completes every record still pending with an error.
     *
     * @param error the error each callback receives
     * @return how many records were completed
     */
    public int failAll(Throwable error) {
        List<Pending> remaining = new ArrayList<>(pending);
        int count = 0;
        for (Pending send : remaining) {
            if (send.complete(error)) {
                count++;
            }
        }
        return count;
    }

    /** Returns the number of records sent and not yet completed. */
    public int size() {
        return pending.size();
    }

    /** Returns the number of records acknowledged by the cluster. */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /** Returns the number of records completed with an error. */
    public long failed() {
        return failed.get();
    }

    /** One sent record: the producer callback that completes the engine's callback once. */
    public final class Pending implements Callback {
        private final SimRecord record;
        private final SendCallback callback;
        private final Timer latency;
        private final long startNanos;
        private final int hash;

        private Pending(SimRecord record, SendCallback callback, Timer latency, long startNanos, int hash) {
            this.record = record;
            this.callback = callback;
            this.latency = latency;
            this.startNanos = startNanos;
            this.hash = hash;
        }

        /**
         * Returns a counter value set on creation. HotSpot generates an object's identity hash code on first use
         * with a call into the VM, once per record here, because each record is added to a hash set. Equality
         * stays identity.
         */
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            complete(exception);
        }

        /**
         * Completes the record unless it completed already.
         *
         * @param error the error, or {@code null} for an acknowledgement
         * @return whether this call completed the record
         */
        public boolean complete(Throwable error) {
            if (!pending.remove(this)) {
                return false;
            }
            if (latency != null) {
                latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            }
            if (error == null) {
                acknowledged.increment();
                callback.onCompletion(record, null);
                return true;
            }
            Throwable described = describeError.apply(record, error);
            logFailure(described);
            callback.onCompletion(record, described);
            return true;
        }

        private void logFailure(Throwable error) {
            if (failed.incrementAndGet() == 1) {
                LOG.warn(
                        "Kafka sink '{}' failed to send record {} of stream '{}'; further send errors are logged"
                                + " at DEBUG and counted",
                        sinkName,
                        record.sequence(),
                        record.stream(),
                        error);
            } else {
                LOG.debug(
                        "Kafka sink '{}' failed to send record {} of stream '{}'",
                        sinkName,
                        record.sequence(),
                        record.stream(),
                        error);
            }
        }
    }
}
