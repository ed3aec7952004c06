package dev.kafkasim.kafka.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;

/** Driver properties whose state directory is a folder of its own under {@code target/}, emptied before use. */
final class DriverFolders {
    private static final Path ROOT = Path.of("target", "kafka-streams-state");

    private DriverFolders() {}

    /** Returns the properties of a driver for the named test, with its state directory emptied first. */
    static Properties properties(String testName) {
        Path stateDir = ROOT.resolve(testName);
        delete(stateDir);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "kafkasim-" + testName);
        // The driver never connects; the property is required all the same.
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return properties;
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void delete(Path folder) {
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
