package dev.kafkasim.examples.dashboard;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
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

/** Finds the scenarios bundled on the class path under {@value #BUNDLED_DIRECTORY}, and reads scenario files. */
final class ScenarioCatalog {
    static final String BUNDLED_DIRECTORY = "kafkasim/scenarios";

    /** The bundled scenario the page selects first. */
    static final String DEFAULT_SCENARIO = "iot-sensors";

    /** The endings of the scenario file names the dashboard reads: HOCON, and JSON, which is valid HOCON. */
    static final List<String> FILE_EXTENSIONS = List.of(".conf", ".hocon", ".json");

    private final ClassLoader classLoader;

    ScenarioCatalog(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Parses a bundled scenario by name, such as {@code iot-sensors}.
     *
     * @throws ApiException with status 400 if no bundled scenario has that name or it is not valid HOCON
     */
    Config bundled(String name) {
        String resource = BUNDLED_DIRECTORY + "/" + name + ".conf";
        if (name.contains("/") || classLoader.getResource(resource) == null) {
            throw ApiException.badRequest("no bundled scenario named '" + name + "'; bundled scenarios: "
                    + String.join(", ", bundledNames()));
        }
        return parse(() -> ConfigFactory.parseResources(classLoader, resource, strict()));
    }

    /**
     * Parses a scenario file. Only names ending in one of {@link #FILE_EXTENSIONS} are read, because a parse error
     * quotes the file's text and the page may be asked to read any path on the server's machine.
     *
     * @throws ApiException with status 400 if the name has another extension, or the file is missing, unreadable or
     *     not valid HOCON
     */
    Config file(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (FILE_EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw ApiException.badRequest("invalid scenario file '" + file + "': the dashboard only reads files whose"
                    + " name ends in " + String.join(", ", FILE_EXTENSIONS));
        }
        if (!Files.isRegularFile(file)) {
            throw ApiException.badRequest("scenario file not found: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw ApiException.badRequest("scenario file is not readable: " + file.toAbsolutePath());
        }
        return parse(() -> ConfigFactory.parseFile(file.toFile(), strict()));
    }

    /** Returns the names of the bundled scenarios, sorted, found in directories and jars on the class path. */
    List<String> bundledNames() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(BUNDLED_DIRECTORY))) {
                addNames(url, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list the bundled scenarios", e);
        }
        return List.copyOf(names);
    }

    private static Config parse(java.util.function.Supplier<Config> parser) {
        try {
            return parser.get();
        } catch (ConfigException e) {
            throw ApiException.badRequest("invalid scenario: " + e.getMessage());
        }
    }

    private static ConfigParseOptions strict() {
        return ConfigParseOptions.defaults().setAllowMissing(false);
    }

    private static void addNames(URL directory, Set<String> names) throws IOException {
        if ("file".equals(directory.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                files.forEach(file -> addName(file.getFileName().toString(), names));
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
                        addName(entry.substring(BUNDLED_DIRECTORY.length() + 1), names);
                    }
                }
            }
        }
    }

    private static void addName(String fileName, Set<String> names) {
        if (fileName.endsWith(".conf") && !fileName.contains("/")) {
            names.add(fileName.substring(0, fileName.length() - ".conf".length()));
        }
    }
}
