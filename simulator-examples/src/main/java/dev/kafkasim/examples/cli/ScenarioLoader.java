package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads a scenario from a HOCON file or from the scenarios bundled on the class path under
 * {@value #BUNDLED_DIRECTORY}, keeping each value's origin so that problems point at {@code file:line}.
 */
final class ScenarioLoader {
    static final String BUNDLED_DIRECTORY = "kafkasim/scenarios";

    private final ClassLoader classLoader;

    ScenarioLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Parses a scenario file without resolving it.
     *
     * @throws InvalidArgumentException if the file does not exist or cannot be read
     * @throws com.typesafe.config.ConfigException if the file is not valid HOCON
     */
    Config fromFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidArgumentException(
                    "scenario file " + file.toAbsolutePath() + " is a directory; give the path of a .conf file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidArgumentException("scenario file not found: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new InvalidArgumentException("scenario file is not readable: " + file.toAbsolutePath());
        }
        return ConfigFactory.parseFile(
                file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /**
     * Parses a bundled scenario by name, such as {@code iot-sensors}.
     *
     * @throws InvalidArgumentException if no bundled scenario has that name; the message lists the bundled ones
     */
    Config bundled(String name) {
        String resource = BUNDLED_DIRECTORY + "/" + name + ".conf";
        if (classLoader.getResource(resource) == null) {
            throw new InvalidArgumentException("no bundled scenario named '" + name + "'; bundled scenarios: "
                    + String.join(", ", bundledNames()) + ". To run a file, pass its path instead of --scenario.");
        }
        return ConfigFactory.parseResources(
                classLoader, resource, ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /** Returns the names of the bundled scenarios, sorted, found in directories and jars on the class path. */
    List<String> bundledNames() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(BUNDLED_DIRECTORY))) {
                names.addAll(scenarioNames(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list the bundled scenarios", e);
        }
        return List.copyOf(names);
    }

    private static Set<String> scenarioNames(URL directory) throws IOException {
        Set<String> names = new TreeSet<>();
        if ("file".equals(directory.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                files.map(file -> file.getFileName().toString()).forEach(file -> addScenario(names, file));
            } catch (URISyntaxException e) {
                throw new IOException("invalid class path directory " + directory, e);
            }
        } else if (directory.openConnection() instanceof JarURLConnection connection) {
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(BUNDLED_DIRECTORY + "/")) {
                        addScenario(names, entry.substring(BUNDLED_DIRECTORY.length() + 1));
                    }
                }
            }
        }
        return names;
    }

    private static void addScenario(Set<String> names, String fileName) {
        if (fileName.endsWith(".conf") && !fileName.contains("/")) {
            names.add(fileName.substring(0, fileName.length() - ".conf".length()));
        }
    }
}
