package dev.kafkasim.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.Rate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The settings of one run, from the body of {@code POST /api/start}: which scenario, which cluster, and the values
 * that replace the scenario's own. Each becomes a HOCON value with the origin {@value #ORIGIN}, layered over the
 * scenario, so that the spec parser reports an invalid value with its path like a mistake in the file.
 *
 * @param scenario a bundled scenario name, or {@code null}
 * @param scenarioFile a scenario file path, or {@code null}
 * @param bootstrapServers the cluster, or {@code null} for the server's default
 * @param seed the seed, or {@code null} for the scenario's
 * @param duration the run length in event time, such as {@code 30s}, or {@code null} for the scenario's
 * @param streams the topic and rate to set per stream, by stream name
 */
record RunSettings(
        String scenario,
        String scenarioFile,
        String bootstrapServers,
        Long seed,
        String duration,
        Map<String, StreamSettings> streams) {

    static final String ORIGIN = "dashboard request";

    /** The name of the sink added to a scenario that declares none. */
    static final String DEFAULT_SINK = "main";

    /** Partitions of each topic that the added sink creates. */
    static final int DEFAULT_PARTITIONS = 3;

    private static final Set<String> FIELDS =
            Set.of("scenario", "scenarioFile", "bootstrapServers", "seed", "duration", "streams");
    private static final Set<String> STREAM_FIELDS = Set.of("topic", "rate");
    private static final Pattern HOST_PORT =
            Pattern.compile("[A-Za-z0-9._\\-]+:(\\d{1,5})|\\[[0-9A-Fa-f:.]+]:(\\d{1,5})");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");

    /** The topic and rate to set on one stream; each may be {@code null} to keep the scenario's. */
    record StreamSettings(String topic, String rate) {}

    /**
     * Reads and validates a start request.
     *
     * @throws ApiException with status 400 listing every invalid field
     */
    static RunSettings fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object, such as {\"scenario\": \""
                    + ScenarioCatalog.DEFAULT_SCENARIO + "\"}");
        }
        List<String> problems = new ArrayList<>();
        rejectUnknown(body, FIELDS, "", problems);
        String scenario = text(body, "scenario", problems);
        String scenarioFile = text(body, "scenarioFile", problems);
        if (scenario != null && scenarioFile != null) {
            problems.add("give either scenario or scenarioFile, not both (got '" + scenario + "' and '" + scenarioFile
                    + "')");
        }
        String servers = text(body, "bootstrapServers", problems);
        checkBootstrapServers(servers, problems);
        Long seed = seed(body, problems);
        String duration = text(body, "duration", problems);
        Map<String, StreamSettings> streams = streams(body.get("streams"), problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid start request: " + String.join("; ", problems));
        }
        return new RunSettings(scenario, scenarioFile, servers, seed, duration, streams);
    }

    /** Returns what the page shows as the run's scenario: the file path or the bundled name. */
    String label() {
        if (scenarioFile != null) {
            return scenarioFile;
        }
        return scenario == null ? ScenarioCatalog.DEFAULT_SCENARIO : scenario;
    }

    /** Parses the scenario these settings name, the default bundled one when they name none. */
    Config loadScenario(ScenarioCatalog catalog) {
        return scenarioFile != null ? catalog.file(Path.of(scenarioFile)) : catalog.bundled(label());
    }

    /**
     * Returns the scenario with these settings on top. Every sink of type {@code kafka} gets the bootstrap servers,
     * and a scenario without sinks gets a {@code kafka} sink named {@value #DEFAULT_SINK} that creates topics with
     * {@value #DEFAULT_PARTITIONS} partitions.
     */
    Config applyTo(Config scenario, String servers) {
        if (!scenario.hasPath("simulation")) {
            // Settings on top would create the block, and the missing one would be reported without the file.
            return scenario;
        }
        Map<String, Object> layer = new LinkedHashMap<>();
        putIfSet(layer, "simulation.seed", seed);
        putIfSet(layer, "simulation.duration", duration);
        streams.forEach((stream, settings) -> {
            putIfSet(layer, ConfigUtil.joinPath("simulation", "streams", stream, "topic"), settings.topic());
            putIfSet(layer, ConfigUtil.joinPath("simulation", "streams", stream, "rate"), settings.rate());
        });
        addKafkaSinks(scenario, servers, layer);
        return ConfigFactory.parseMap(layer, ORIGIN).withFallback(scenario);
    }

    /**
     * Checks that every stream these settings name is declared in the scenario, before the settings are applied,
     * because a setting for an unknown stream would otherwise declare a stream without fields.
     *
     * @throws ApiException with status 400 naming the unknown streams and the scenario's streams
     */
    void checkStreams(Config scenario) {
        Set<String> known = childNames(scenario, "simulation.streams");
        List<String> unknown = streams.keySet().stream()
                .filter(stream -> !known.contains(stream))
                .map(stream -> "'" + stream + "'")
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest((unknown.size() == 1 ? "unknown stream " : "unknown streams ")
                    + String.join(", ", unknown) + "; scenario '" + label() + "' has " + new TreeSet<>(known));
        }
    }

    private static void addKafkaSinks(Config scenario, String servers, Map<String, Object> layer) {
        Set<String> sinks = childNames(scenario, "simulation.sinks");
        if (sinks.isEmpty()) {
            layer.put(
                    ConfigUtil.joinPath("simulation", "sinks", DEFAULT_SINK),
                    Map.of("type", "kafka", "bootstrap-servers", servers, "partitions", DEFAULT_PARTITIONS));
            return;
        }
        for (String sink : sinks) {
            String typePath = ConfigUtil.joinPath("simulation", "sinks", sink, "type");
            if (scenario.hasPath(typePath)
                    && "kafka".equals(scenario.getValue(typePath).unwrapped())) {
                layer.put(ConfigUtil.joinPath("simulation", "sinks", sink, "bootstrap-servers"), servers);
            }
        }
    }

    private static Set<String> childNames(Config config, String path) {
        if (!config.hasPath(path) || config.getValue(path).valueType() != ConfigValueType.OBJECT) {
            return Set.of();
        }
        return config.getObject(path).keySet();
    }

    private static void putIfSet(Map<String, Object> layer, String path, Object value) {
        if (value != null) {
            layer.put(path, value);
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add("unknown field '" + prefix + name + "'; known fields: " + String.join(", ", known));
            }
        }
    }

    /** Returns a text field, or {@code null} when it is absent, null or blank. */
    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + " must be a string, got " + value);
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static void checkBootstrapServers(String servers, List<String> problems) {
        if (servers == null) {
            return;
        }
        for (String server : servers.split(",", -1)) {
            var matcher = HOST_PORT.matcher(server.trim());
            if (!matcher.matches()) {
                problems.add("invalid bootstrap server '" + server.trim() + "'; expected host:port, such as"
                        + " 127.0.0.1:9092, separated by commas");
                continue;
            }
            int port = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            if (port < 1 || port > 65_535) {
                problems.add(
                        "invalid port " + port + " in bootstrap server '" + server.trim() + "'; expected 1 to 65535");
            }
        }
    }

    private static Long seed(JsonNode body, List<String> problems) {
        JsonNode value = body.get("seed");
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        problems.add("seed must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", got " + value);
        return null;
    }

    private static Map<String, StreamSettings> streams(JsonNode node, List<String> problems) {
        Map<String, StreamSettings> streams = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return streams;
        }
        if (!node.isObject()) {
            problems.add("streams must be an object of stream names, such as {\"sensors\": {\"rate\": \"500/s\"}}");
            return streams;
        }
        node.properties().forEach(entry -> {
            String stream = entry.getKey();
            JsonNode settings = entry.getValue();
            if (!settings.isObject()) {
                problems.add("streams." + stream + " must be an object with topic and rate");
                return;
            }
            rejectUnknown(settings, STREAM_FIELDS, "streams." + stream + ".", problems);
            String topic = text(settings, "topic", problems);
            String rate = text(settings, "rate", problems);
            checkTopic(stream, topic, problems);
            checkRate("streams." + stream + ".rate", rate, problems);
            streams.put(stream, new StreamSettings(topic, rate));
        });
        return streams;
    }

    private static void checkTopic(String stream, String topic, List<String> problems) {
        if (topic != null && (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals(".."))) {
            problems.add("invalid topic '" + topic + "' for stream " + stream + "; a topic name has 1 to 249 letters,"
                    + " digits, '.', '_' or '-'");
        }
    }

    /** Adds a problem unless the rate is absent or valid. */
    static void checkRate(String field, String rate, List<String> problems) {
        if (rate == null) {
            return;
        }
        try {
            Rate.parse(rate);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }
}
