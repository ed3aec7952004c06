package dev.kafkasim.examples.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import dev.kafkasim.core.spi.Sink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.test.TestRecord;

/** Runs scenarios for the example applications' tests, with or without a broker. */
final class StreamsTesting {
    private static final Path STATE_ROOT = Path.of("target", "kafka-streams-state");

    private StreamsTesting() {}

    /**
     * Runs a spec to completion into the given sink in place of its sink {@code main}. Given the spec of an engine
     * that the extension injected, this runs the scenario that the broker test runs, unchanged but for the sink.
     */
    static void run(SimulationSpec spec, Sink sink) {
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            run(engine);
        }
    }

    /** Runs an engine to completion and checks that every record was acknowledged. */
    static void run(SimulatorEngine engine) {
        engine.start();
        assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
        assertThat(engine.stats().failed()).isZero();
    }

    /** Returns the records a spec emits, generated again into memory: the same seed gives the same records. */
    static List<SimRecord> emitted(SimulationSpec spec) {
        InMemorySink sink = Sinks.inMemory();
        run(spec, sink);
        return sink.records();
    }

    /**
     * Returns the properties every run of an example application shares. State stores are kept in memory, because
     * the driver commits after every record and flushing RocksDB that often makes a run many times slower.
     */
    static Properties properties(String applicationId, String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(
                StreamsConfig.STATE_DIR_CONFIG, stateDirectory(applicationId).toString());
        properties.put(
                StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        return properties;
    }

    /** Returns a driver whose state directory is a folder of its own under {@code target/}, emptied first. */
    static TopologyTestDriver driver(Topology topology, String name) {
        // The driver never connects; the bootstrap servers are required all the same.
        return new TopologyTestDriver(topology, properties(name, "127.0.0.1:9092"));
    }

    /** Returns every record of a driver's output topic, read as strings. */
    static List<TestRecord<String, String>> output(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
                .readRecordsToList();
    }

    /** Returns an emptied state directory for one application run. */
    static Path stateDirectory(String name) {
        Path directory = STATE_ROOT.resolve(name).toAbsolutePath();
        delete(directory);
        return directory;
    }

    /** Returns the last value of each key, in first-seen key order; a null value removes the key. */
    static Map<String, String> table(List<TestRecord<String, String>> records) {
        Map<String, String> table = new LinkedHashMap<>();
        for (TestRecord<String, String> record : records) {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        }
        return table;
    }

    /** Parses a JSON value. */
    static JsonNode json(String text) {
        return Json.parse(text);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
