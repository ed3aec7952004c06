package dev.kafkasim.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.sink.KafkaSink;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sends records of about 100 bytes through the Kafka sink in virtual time, as fast as the producer accepts them,
 * and prints one line in the form of Kafka's {@code ProducerPerformance}:
 * {@code N records sent, R records/sec (M MB/sec)}, where MB counts value bytes as ProducerPerformance does,
 * estimated from the mean size of the first 2,000 values. The time runs from the first send to the last
 * acknowledgement, so opening the sink is not timed.
 *
 * <p>Arguments: {@code --bootstrap-servers HOST:PORT --topic NAME --records N --acks 1|all
 * [--kafkasim-headers true|false] [--max-in-flight N]}. With {@code --kafkasim-headers false} (the default here,
 * unlike the sink's) records carry no headers, as ProducerPerformance's do not. The producer gets
 * {@code linger.ms=5} and {@code batch.size=65536}. {@code --max-in-flight} defaults to 200,000 rather than the
 * engine's 10,000, so that, as for ProducerPerformance, the producer's 32 MiB buffer is what bounds the records
 * in flight; with acknowledgements that take 100 ms on a loaded machine, 10,000 would cap the rate at 100,000
 * records/s.
 */
public final class KafkaSinkRun {
    private static final long SIZE_SAMPLE = 2_000;

    private KafkaSinkRun() {}

    /**
     * Runs one measurement.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        String bootstrapServers = argument(args, "--bootstrap-servers", null);
        String topic = argument(args, "--topic", "bench.sensors");
        long records = Long.parseLong(argument(args, "--records", "1000000"));
        String acks = argument(args, "--acks", "all");
        boolean kafkasimHeaders = Boolean.parseBoolean(argument(args, "--kafkasim-headers", "false"));
        int maxInFlight = Integer.parseInt(argument(args, "--max-in-flight", "200000"));
        if (bootstrapServers == null) {
            throw new IllegalArgumentException("--bootstrap-servers is missing; give HOST:PORT of the broker");
        }
        Config scenario = ConfigFactory.parseString("simulation.streams.sensors.topic = \"" + topic + "\"\n"
                        + "simulation.max-in-flight = " + maxInFlight)
                .withFallback(Scenarios.virtual(Scenarios.SENSORS_100_BYTES, records));
        double valueBytes = meanValueBytes() * records;
        KafkaSink sink = KafkaSink.builder()
                .bootstrapServers(bootstrapServers)
                .producerProperty("acks", acks)
                .producerProperty("linger.ms", "5")
                .producerProperty("batch.size", "65536")
                .kafkasimHeaders(kafkasimHeaders)
                .build();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().config(scenario).sink("main", sink).build()) {
            engine.start();
            long start = System.nanoTime();
            if (!engine.awaitCompletion(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the run did not finish within 10 minutes");
            }
            long elapsed = System.nanoTime() - start;
            report(engine.stats(), valueBytes, elapsed);
        }
    }

    private static void report(EngineStats stats, double valueBytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d records sent, %.1f records/sec (%.2f MB/sec), %d failed, %.1f value bytes per record%n",
                stats.acknowledged(),
                stats.acknowledged() / seconds,
                valueBytes / seconds / 1024 / 1024,
                stats.failed(),
                valueBytes / Math.max(1, stats.generated()));
    }

    /** Returns the mean value size of the first records of the scenario, encoded without Kafka. */
    private static double meanValueBytes() {
        DiscardingSink sink = new DiscardingSink();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .config(Scenarios.virtual(Scenarios.SENSORS_100_BYTES, SIZE_SAMPLE))
                .sink("main", sink)
                .build()) {
            engine.start();
            engine.awaitCompletion(Duration.ofMinutes(1));
        }
        return (double) sink.bytes() / sink.records();
    }

    static String argument(String[] args, String name, String fallback) {
        List<String> list = List.of(args);
        int index = list.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index + 1];
    }
}
