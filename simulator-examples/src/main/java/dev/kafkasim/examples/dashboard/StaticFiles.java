package dev.kafkasim.examples.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the page from the class path: its own files under {@value #PAGE_DIRECTORY}, and WebJar files under
 * {@code /webjars/NAME/PATH} without their version, which is read from the WebJar's {@code pom.properties}.
 */
final class StaticFiles implements HttpHandler {
    static final String PAGE_DIRECTORY = "dev/kafkasim/examples/dashboard/page";

    private static final List<String> WEBJAR_GROUPS = List.of("org.webjars", "org.webjars.npm");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private final ClassLoader classLoader;
    private final Map<String, Optional<String>> webJarVersions = new ConcurrentHashMap<>();

    StaticFiles(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Responses.requireMethod(exchange, List.of("GET", "HEAD"));
            String path = exchange.getRequestURI().getPath();
            String resource = resource(path);
            byte[] body = resource == null ? null : read(resource);
            if (body == null) {
                throw new ApiException(ApiException.NOT_FOUND, "no such file: " + path);
            }
            Responses.send(exchange, 200, contentType(resource), body);
        } catch (ApiException e) {
            Responses.sendError(exchange, e);
        }
    }

    /** Returns the class path resource of a request path, or {@code null} when there is none. */
    private String resource(String path) {
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            return null;
        }
        if (path.equals("/")) {
            return PAGE_DIRECTORY + "/index.html";
        }
        if (path.startsWith("/webjars/")) {
            return webJarResource(path.substring("/webjars/".length()));
        }
        return PAGE_DIRECTORY + path;
    }

    private String webJarResource(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String name = path.substring(0, slash);
        return webJarVersions
                .computeIfAbsent(name, this::webJarVersion)
                .map(version -> "META-INF/resources/webjars/" + name + "/" + version + path.substring(slash))
                .orElse(null);
    }

    private Optional<String> webJarVersion(String name) {
        for (String group : WEBJAR_GROUPS) {
            String resource = "META-INF/maven/" + group + "/" + name + "/pom.properties";
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return Optional.ofNullable(properties.getProperty("version"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("failed to read " + resource, e);
            }
        }
        return Optional.empty();
    }

    private byte[] read(String resource) throws IOException {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String contentType(String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
