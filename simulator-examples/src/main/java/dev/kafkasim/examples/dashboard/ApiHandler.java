package dev.kafkasim.examples.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api}: the run's controls, its status, the event stream and the scenarios the page
 * offers. Errors are JSON with a reason: 400 for invalid input, 403 for a request from another web site (see
 * {@link RequestGuard}), 404 for an unknown stream or path, 409 for an action the run's state does not allow, 502
 * when the cluster cannot be reached.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String STREAMS_PREFIX = "/api/streams/";

    private final RunController controller;
    private final EventStream events;

    ApiHandler(RunController controller, EventStream events) {
        this.controller = controller;
        this.events = events;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath());
        } catch (ApiException e) {
            Responses.sendError(exchange, e);
        } catch (RuntimeException e) {
            LOG.error("Dashboard request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            Responses.sendError(exchange, new ApiException(500, "internal error: " + e, List.of(), e));
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/api/status" -> {
                Responses.requireMethod(exchange, List.of("GET"));
                Responses.sendJson(exchange, 200, controller.status());
            }
            case "/api/events" -> {
                Responses.requireMethod(exchange, List.of("GET"));
                events.connect(exchange);
            }
            case "/api/scenarios" -> {
                Responses.requireMethod(exchange, List.of("GET"));
                Responses.sendJson(exchange, 200, scenarios());
            }
            case "/api/scenario" -> {
                Responses.requireMethod(exchange, List.of("GET"));
                Responses.sendJson(exchange, 200, describe(query(exchange)));
            }
            case "/api/start" -> act(exchange, () -> controller.start(RunSettings.fromJson(body(exchange))));
            case "/api/pause" -> act(exchange, controller::pause);
            case "/api/resume" -> act(exchange, controller::resume);
            case "/api/stop" -> act(exchange, controller::stop);
            default -> {
                if (path.startsWith(STREAMS_PREFIX)) {
                    routeStream(exchange, path);
                } else {
                    throw notFound(path);
                }
            }
        }
    }

    /** Routes {@code /api/streams/STREAM/rate}, {@code .../pause} and {@code .../resume}. */
    private void routeStream(HttpExchange exchange, String path) throws IOException {
        int slash = path.lastIndexOf('/');
        String stream = path.substring(STREAMS_PREFIX.length(), Math.max(slash, STREAMS_PREFIX.length()));
        if (stream.isEmpty()) {
            throw notFound(path);
        }
        switch (path.substring(slash + 1)) {
            case "rate" -> act(exchange, () -> controller.setRate(stream, rate(body(exchange))));
            case "pause" -> act(exchange, () -> controller.setStreamPaused(stream, true));
            case "resume" -> act(exchange, () -> controller.setStreamPaused(stream, false));
            default -> throw notFound(path);
        }
    }

    private static ApiException notFound(String path) {
        return new ApiException(ApiException.NOT_FOUND, "no API at " + path + "; see docs/dashboard.md");
    }

    /** Runs a control and responds with the status after it. */
    private void act(HttpExchange exchange, Action action) throws IOException {
        Responses.requireMethod(exchange, List.of("POST"));
        action.run();
        Responses.sendJson(exchange, 200, controller.status());
    }

    /** A control that may read the request body. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private Map<String, Object> scenarios() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundled", controller.scenarios().bundledNames());
        body.put("defaultScenario", ScenarioCatalog.DEFAULT_SCENARIO);
        body.put("bootstrapServers", controller.defaultBootstrapServers());
        return body;
    }

    private Map<String, Object> describe(Map<String, String> query) {
        RunSettings settings = new RunSettings(query.get("name"), query.get("file"), null, null, null, Map.of());
        if (settings.scenario() != null && settings.scenarioFile() != null) {
            throw ApiException.badRequest("give either name or file, not both");
        }
        SimulationSpec spec = controller.describe(settings);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", settings.label());
        body.put("seed", spec.seed());
        body.put("clock", spec.clock().configName());
        body.put(
                "streams",
                spec.streams().values().stream().map(ApiHandler::stream).toList());
        return body;
    }

    private static Map<String, Object> stream(StreamSpec stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", stream.name());
        body.put("topic", stream.topic());
        body.put("rate", stream.rate() == null ? null : formatRate(stream.rate().perSecond()));
        return body;
    }

    private static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? (long) perSecond + "/s" : perSecond + "/s";
    }

    /** Reads {@code {"rate": "RATE"}}, rejecting other fields as the start request does. */
    private static String rate(JsonNode body) {
        if (body != null && body.isObject()) {
            List<String> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("rate")) {
                    unknown.add("unknown field '" + name + "'; known fields: rate");
                }
            });
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest("invalid rate request: " + String.join("; ", unknown));
            }
        }
        JsonNode rate = body == null ? null : body.get("rate");
        if (rate == null || !rate.isTextual()) {
            throw ApiException.badRequest("the body must be {\"rate\": \"RATE\"}, such as {\"rate\": \"500/s\"}");
        }
        return rate.asText().trim();
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.badRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return Responses.JSON.createObjectNode();
        }
        try {
            return Responses.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8).trim();
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), decoded.isEmpty() ? null : decoded);
        }
        return values;
    }
}
