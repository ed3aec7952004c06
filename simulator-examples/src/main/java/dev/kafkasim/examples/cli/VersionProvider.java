package dev.kafkasim.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version that the build writes into {@code kafkasim-version.properties}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/kafkasim-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        String version = properties.getProperty("version", "unknown");
        return new String[] {
            "kafkasim " + version,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
