package dev.kafkasim.benchmarks;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Values per second of each built-in generator, with a block like the examples in the generator catalog. The
 * field is the second of a stream keyed by {@code device_id}, which takes 300 values, so that keyed generators
 * (random walks, GBM, Markov chains) keep state for 300 keys. The {@code reference} generator is left out because
 * it needs a second stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneratorBenchmark {
    private static final int KEYS = 300;

    /** A representative block of each generator type. */
    static final Map<String, String> BLOCKS = Map.ofEntries(
            Map.entry("uniform", "{ type = uniform, min = 0.5, max = 99.99, scale = 2 }"),
            Map.entry("normal", "{ type = normal, mean = 55, stddev = 8, min = 0, max = 100, scale = 1 }"),
            Map.entry("log-normal", "{ type = log-normal, mean = 120, stddev = 60, scale = 1 }"),
            Map.entry("exponential", "{ type = exponential, mean = 4.5, scale = 3 }"),
            Map.entry("poisson", "{ type = poisson, mean = 2.5 }"),
            Map.entry("zipf", "{ type = zipf, cardinality = 10000, exponent = 1.1, format = \"product-%05d\" }"),
            Map.entry("sequence", "{ type = sequence, start = 1000 }"),
            Map.entry(
                    "seasonal", "{ type = seasonal, period = 1d, amplitude = 30, offset = 50, phase = 8h, noise = 3 }"),
            Map.entry("weighted", "{ type = weighted, values { OK = 97, WARN = 2.5, FAIL = 0.5 } }"),
            Map.entry("one-of", "{ type = one-of, values = [eu-west, eu-central, us-east] }"),
            Map.entry("boolean", "{ type = boolean, probability = 0.6 }"),
            Map.entry("constant", "{ type = constant, value = 3 }"),
            Map.entry("pattern", "{ type = pattern, format = \"sensor-%04d\", cardinality = 300 }"),
            Map.entry("template", "{ type = template, template = \"${device_id}-${seq}\" }"),
            Map.entry("uuid", "{ type = uuid, version = 7 }"),
            Map.entry("timestamp", "{ type = timestamp, format = iso-8601 }"),
            Map.entry("faker", "{ type = faker, expression = \"#{Name.fullName}\" }"),
            Map.entry(
                    "nullable",
                    "{ type = nullable, fraction = 0.8, of { type = pattern, format = \"C%03d\", cardinality = 50 } }"),
            Map.entry(
                    "object",
                    "{ type = object, fields { lat { type = uniform, min = 47.0, max = 55.0, scale = 5 }\n"
                            + " lon { type = uniform, min = 5.9, max = 15.0, scale = 5 } } }"),
            Map.entry(
                    "array",
                    "{ type = array, min-length = 0, max-length = 3,"
                            + " items { type = one-of, values = [new, sale, eco] } }"),
            Map.entry(
                    "random-walk", "{ type = random-walk, start = 21.5, step = 0.2, min = -10, max = 45, scale = 2 }"),
            Map.entry("gbm", "{ type = gbm, start = 100, drift = 0.05, volatility = 0.2, scale = 2 }"),
            Map.entry(
                    "markov",
                    "{ type = markov, states = [home, search, product, cart, exit],"
                            + " initial { home = 0.7, search = 0.3 },"
                            + " transitions { home { search = 0.6, product = 0.3, exit = 0.1 },"
                            + " search { product = 0.8, exit = 0.2 }, product { cart = 0.3, home = 0.5, exit = 0.2 },"
                            + " cart { exit = 1 } } }"),
            Map.entry("unique", "{ type = unique, min = 1, max = 999999999, count = 100000000 }"));

    @Param({
        "uniform",
        "normal",
        "log-normal",
        "exponential",
        "poisson",
        "zipf",
        "sequence",
        "seasonal",
        "weighted",
        "one-of",
        "boolean",
        "constant",
        "pattern",
        "template",
        "uuid",
        "timestamp",
        "faker",
        "nullable",
        "object",
        "array",
        "random-walk",
        "gbm",
        "markov",
        "unique"
    })
    public String type;

    private FieldGenerator generator;
    private final Context context = new Context();

    @Setup
    public void setUp() {
        Generators generators = new Generators("bench", List.of("device_id", "value"), "device_id");
        generator = generators.create("value", BLOCKS.get(type));
    }

    @Benchmark
    public Object next() {
        context.advance();
        return generator.next(context);
    }

    /** The context of one field, the second of its stream, advanced by one record per call. */
    static final class Context implements GenerationContext {
        private final SplittableRandom random = new SplittableRandom(42);
        private final SplittableRandom keys = new SplittableRandom(7);
        private final String[] deviceIds = new String[KEYS];
        private long sequence = -1;
        private String key;

        Context() {
            for (int i = 0; i < KEYS; i++) {
                deviceIds[i] = String.format("sensor-%04d", i);
            }
        }

        void advance() {
            sequence++;
            key = deviceIds[keys.nextInt(KEYS)];
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public String stream() {
            return "bench";
        }

        @Override
        public long sequence() {
            return sequence;
        }

        @Override
        public long eventTime() {
            return 1_767_225_600_000L + sequence * 5;
        }

        @Override
        public Object key() {
            return key;
        }

        @Override
        public Object field(String name) {
            return name.equals("device_id") ? key : null;
        }
    }
}
