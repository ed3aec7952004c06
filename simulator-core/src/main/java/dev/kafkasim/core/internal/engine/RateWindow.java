package dev.kafkasim.core.internal.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts events in ten buckets of 100 ms, so that {@link #perSecond} reports the rate over about the last second.
 * One thread calls {@link #record}; any thread may read.
 */
final class RateWindow {
    private static final int BUCKETS = 10;
    private static final long BUCKET_NANOS = 100_000_000L;

    private final AtomicLongArray bucketIds = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    RateWindow() {
        for (int i = 0; i < BUCKETS; i++) {
            bucketIds.set(i, Long.MIN_VALUE);
        }
    }

    /** Counts one event at a time from {@link System#nanoTime()}. */
    void record(long nowNanos) {
        long id = Math.floorDiv(nowNanos, BUCKET_NANOS);
        int index = Math.floorMod(id, BUCKETS);
        if (bucketIds.get(index) != id) {
            counts.set(index, 0);
            bucketIds.set(index, id);
        }
        counts.lazySet(index, counts.get(index) + 1);
    }

    /** Returns the events per second over the current bucket and the nine before it. */
    double perSecond(long nowNanos) {
        long current = Math.floorDiv(nowNanos, BUCKET_NANOS);
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long id = bucketIds.get(i);
            if (id > current - BUCKETS && id <= current) {
                sum += counts.get(i);
            }
        }
        long windowNanos = (BUCKETS - 1) * BUCKET_NANOS + (nowNanos - current * BUCKET_NANOS);
        return sum * 1e9 / windowNanos;
    }
}
