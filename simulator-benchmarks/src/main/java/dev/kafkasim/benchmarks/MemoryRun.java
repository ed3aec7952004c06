package dev.kafkasim.benchmarks;

import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs 10 million records of 10,000 keys, each with two random walks, in virtual time into a sink that encodes and
 * drops them, and prints the heap used after a full garbage collection every million records and after the run.
 * Flat figures show that memory does not grow with run length.
 *
 * <p>Arguments: {@code --records N} (default 10,000,000), {@code --every N} (default 1,000,000).
 */
public final class MemoryRun {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private MemoryRun() {}

    /**
     * Runs the measurement.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        long records = Long.parseLong(KafkaSinkRun.argument(args, "--records", "10000000"));
        long every = Long.parseLong(KafkaSinkRun.argument(args, "--every", "1000000"));
        System.out.printf(Locale.ROOT, "heap after GC before the run: %.1f MiB%n", heapAfterGcMiB());
        SamplingSink sink = new SamplingSink(every);
        long start = System.nanoTime();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .config(ConfigFactory.parseString("simulation.count = " + records)
                        .withFallback(Scenarios.virtual("bench/sensors-10k-keys.conf", records)))
                .sink("main", sink)
                .build()) {
            engine.start();
            if (!engine.awaitCompletion(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the run did not finish within 30 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%d records in %.1f s (%.0f records/s), %.1f bytes per record%n",
                    engine.stats().acknowledged(),
                    seconds,
                    engine.stats().acknowledged() / seconds,
                    (double) sink.bytes / sink.count);
            System.out.printf(Locale.ROOT, "heap after GC at the end, engine still open: %.1f MiB%n", heapAfterGcMiB());
        }
        System.out.printf(Locale.ROOT, "heap after GC after close: %.1f MiB%n", heapAfterGcMiB());
    }

    static double heapAfterGcMiB() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    /** Encodes and drops records, and prints the heap after GC every given number of records. */
    private static final class SamplingSink implements Sink {
        private final long every;
        private dev.kafkasim.core.spi.StreamBinding binding;
        private long count;
        private long bytes;

        SamplingSink(long every) {
            this.every = every;
        }

        @Override
        public void open(SinkContext context) {
            binding = context.streams().get(0);
        }

        @Override
        public void send(SimRecord record, SendCallback callback) {
            bytes += binding.keyEncoder().encode(record.key()).length;
            bytes += binding.valueEncoder().encode(record.value()).length;
            count++;
            callback.onCompletion(record, null);
            if (count % every == 0) {
                System.out.printf(Locale.ROOT, "heap after GC at %,d records: %.1f MiB%n", count, heapAfterGcMiB());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
