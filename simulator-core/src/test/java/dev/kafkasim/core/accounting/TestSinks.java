package dev.kafkasim.core.accounting;

import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Sinks that misbehave in one chosen way, for tests of the engine's accounting. */
final class TestSinks {
    private TestSinks() {}

    /** Returns a sink that completes each record on another thread, as a network sink does. */
    static Sink async() {
        return new AsyncSink(false);
    }

    /** Returns a sink that completes every third record with an error, on another thread. */
    static Sink failingEveryThird() {
        return new AsyncSink(true);
    }

    /** Returns a sink that accepts records and never completes any of them. */
    static Sink silent() {
        return new QuietSink();
    }

    /** Returns a sink whose {@code send} throws an {@link Error} on the given record. */
    static Sink throwingErrorAt(long sequence) {
        return new QuietSink() {
            @Override
            public void send(SimRecord record, SendCallback callback) {
                if (record.sequence() == sequence) {
                    throw new AssertionError("sink broke at record " + sequence);
                }
                callback.onCompletion(record, null);
            }
        };
    }

    /** Returns a sink whose {@code flush} and {@code close} throw, with records completed at once. */
    static Sink throwingOnFlushAndClose() {
        return new QuietSink() {
            @Override
            public void send(SimRecord record, SendCallback callback) {
                callback.onCompletion(record, null);
            }

            @Override
            public void flush() {
                throw new IllegalStateException("flush failed");
            }

            @Override
            public void close() {
                throw new IllegalStateException("close failed");
            }
        };
    }

    private static class QuietSink implements Sink {
        @Override
        public void open(SinkContext context) {}

        @Override
        public void send(SimRecord record, SendCallback callback) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static final class AsyncSink implements Sink {
        private final ExecutorService executor = Executors.newSingleThreadExecutor();
        private final boolean failEveryThird;

        AsyncSink(boolean failEveryThird) {
            this.failEveryThird = failEveryThird;
        }

        @Override
        public void open(SinkContext context) {}

        @Override
        public void send(SimRecord record, SendCallback callback) {
            Throwable error = failEveryThird && record.sequence() % 3 == 0
                    ? new IllegalStateException("rejected record " + record.sequence())
                    : null;
            executor.execute(() -> callback.onCompletion(record, error));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            executor.shutdown();
        }
    }
}
