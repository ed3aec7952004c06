package dev.kafkasim.kafka.testing;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A send callback that records every completion, for tests that check each record completes exactly once. */
public final class Completions implements SendCallback {
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountDownLatch done;

    /** Creates a callback that expects {@code count} completions. */
    public Completions(int count) {
        this.done = new CountDownLatch(count);
    }

    @Override
    public void onCompletion(SimRecord record, Throwable error) {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            errors.add(error);
        }
        done.countDown();
    }

    /** Waits until every expected completion arrived, at most 60 seconds, and returns whether they did. */
    public boolean await() throws InterruptedException {
        return done.await(60, TimeUnit.SECONDS);
    }

    /** Returns the number of acknowledged records. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** Returns the errors in completion order. */
    public List<Throwable> errors() {
        return errors;
    }

    /** Returns the number of completions of either kind. */
    public int completed() {
        return acknowledged.get() + errors.size();
    }
}
