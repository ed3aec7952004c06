package dev.kafkasim.kafka.broker.internal;

import dev.kafkasim.core.KafkasimException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.tools.StorageTool;

/** Formats a KRaft node's log directory in-process, as {@code kafka-storage.sh format} does. */
public final class StorageFormatter {
    private StorageFormatter() {}

    /**
     * Writes the properties to {@code server.properties} in the directory and formats the log directory they name.
     *
     * @param directory the node's directory, which receives the properties file
     * @param properties the node's properties
     * @param clusterId the cluster id, a base64 UUID
     * @throws KafkasimException if formatting fails, with the tool's output
     */
    public static void format(Path directory, Map<String, String> properties, String clusterId) {
        Path configFile = writeProperties(directory.resolve("server.properties"), properties);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String[] arguments = {"format", "--cluster-id", clusterId, "--config", configFile.toString()};
            status = StorageTool.execute(arguments, printStream);
        }
        if (status != 0) {
            throw new KafkasimException(
                    "Formatting the embedded broker's log directory " + directory + " failed with status " + status
                            + ": " + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static Path writeProperties(Path file, Map<String, String> properties) {
        Properties fileProperties = new Properties();
        fileProperties.putAll(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            fileProperties.store(out, "embedded kafkasim broker");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + file + " failed", e);
        }
    }
}
