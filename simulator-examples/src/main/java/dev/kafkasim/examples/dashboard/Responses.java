package dev.kafkasim.examples.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes JSON and error responses. */
final class Responses {
    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    /** Returns a value as JSON text. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("failed to write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Sends a value as a JSON body with the given status. */
    static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends an error as {@code {"error": reason, "status": status, "problems": [...]}}; each problem has its
     * origin, path and message.
     */
    static void sendError(HttpExchange exchange, ApiException error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        body.put("status", error.status());
        body.put("problems", DashboardRun.errorView(error).problems());
        sendJson(exchange, error.status(), body);
    }

    /** Sends a body; a {@code HEAD} request gets the headers only. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Rejects a request whose method is not among the allowed ones, with status 405 and an {@code Allow} header. */
    static void requireMethod(HttpExchange exchange, List<String> allowed) {
        if (!allowed.contains(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw new ApiException(
                    405,
                    exchange.getRequestMethod() + " is not allowed on "
                            + exchange.getRequestURI().getPath() + "; use " + String.join(" or ", allowed));
        }
    }
}
