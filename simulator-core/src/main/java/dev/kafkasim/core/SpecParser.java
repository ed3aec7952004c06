package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.internal.BlockSpec;
import dev.kafkasim.core.internal.Origins;
import dev.kafkasim.core.internal.PluginRegistry;
import dev.kafkasim.core.internal.SpecCatalog;
import dev.kafkasim.core.internal.StreamPlugins;
import dev.kafkasim.core.internal.Suggestions;
import dev.kafkasim.core.spi.SinkSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses and validates the {@code simulation} block of a scenario into a {@link SimulationSpec}. */
final class SpecParser {
    private static final Config REFERENCE = ConfigFactory.parseResources(
                    SpecParser.class.getClassLoader(), "reference.conf")
            .resolve()
            .getConfig("kafkasim");
    private static final Config SIMULATION_DEFAULTS = REFERENCE.getConfig("simulation");
    private static final Config STREAM_DEFAULTS = REFERENCE.getConfig("stream");

    private static final int MAX_TOPIC_LENGTH = 249;
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final PluginRegistry registry;

    private SpecParser(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Parses a root config that contains {@code simulation { ... }}, validating every stream, field, format and
     * sink against the plugins found by the registry.
     *
     * @throws ConfigurationException with every problem found
     */
    static SimulationSpec parse(Config root, PluginRegistry registry) {
        return new SpecParser(registry).parseRoot(root);
    }

    private SimulationSpec parseRoot(Config root) {
        Config resolved;
        try {
            resolved = root.resolve();
        } catch (ConfigException e) {
            throw new ConfigurationException(
                    new ConfigProblem(Origins.describe(e.origin()), "simulation", e.getMessage()));
        }
        if (!resolved.hasPath("simulation") || resolved.getValue("simulation").valueType() != ConfigValueType.OBJECT) {
            ConfigOrigin origin = resolved.hasPath("simulation")
                    ? resolved.getValue("simulation").origin()
                    : resolved.origin();
            // A misspelt block, such as simulaton { ... }, is reported with the missing one.
            rejectUnknownRootKeys(resolved);
            problems.add(new ConfigProblem(
                    Origins.describe(origin),
                    "simulation",
                    "missing required block; a scenario declares simulation { streams { ... } }"));
            throw new ConfigurationException(problems);
        }
        rejectUnknownRootKeys(resolved);
        SimulationSpec spec = parseSimulation(
                resolved.getConfig("simulation"),
                resolved.getValue("simulation").origin());
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return spec;
    }

    private void rejectUnknownRootKeys(Config root) {
        for (Map.Entry<String, ConfigValue> entry : root.root().entrySet()) {
            String key = entry.getKey();
            if (!key.equals("simulation") && !key.equals("kafkasim") && isFromUserFile(entry.getValue())) {
                problems.add(new ConfigProblem(Origins.describe(entry.getValue().origin()), key, unknownRootKey(key)));
            }
        }
    }

    private static String unknownRootKey(String key) {
        String suggestion = Suggestions.didYouMean(key, List.of("simulation"));
        return suggestion.isEmpty()
                ? "unknown key at the top level; a scenario declares simulation { ... }"
                : "unknown key at the top level" + suggestion + " A scenario declares simulation { ... }.";
    }

    /** System properties and the environment arrive through ConfigFactory.load(); only a file's own keys count. */
    private static boolean isFromUserFile(ConfigValue value) {
        String description = value.origin().description();
        return !description.startsWith("system properties") && !description.startsWith("env variables");
    }

    private SimulationSpec parseSimulation(Config user, ConfigOrigin origin) {
        Config simulation = user.withFallback(SIMULATION_DEFAULTS);
        BlockSpec block = new BlockSpec("simulation", simulation, origin, problems);
        block.accept(declaredKeys(SIMULATION_DEFAULTS));

        long seed = block.getLong("seed", 0);
        ClockMode clock = parseClock(block);
        double speed = block.getDouble("speed", 1.0);
        if (!(speed > 0) || Double.isInfinite(speed)) {
            block.reject("speed", speed, "a number greater than 0, such as 1 or 60");
        }
        Instant startTime = parseStartTime(block);
        Duration duration = positiveDuration(block, "duration");
        Long count = nonNegativeCount(block, "count");
        long maxInFlight = block.getLong("max-in-flight", 10_000);
        if (maxInFlight < 1 || maxInFlight > Integer.MAX_VALUE) {
            block.reject("max-in-flight", maxInFlight, "a whole number from 1 to " + Integer.MAX_VALUE);
        }
        Map<String, Config> sinks = parseSinks(simulation);
        Map<String, StreamSpec> streams = parseStreams(simulation);
        SpecCatalog catalog = new SpecCatalog(streams);
        for (StreamSpec stream : streams.values()) {
            StreamPlugins.validate(stream, registry, problems, catalog);
            if (stream.preload() && stream.count() == null && stream.duration() == null && duration == null) {
                problems.add(new ConfigProblem(
                        Origins.describe(stream.origin()),
                        stream.path() + ".preload",
                        "a preloaded stream must end before the others start; give it a count or a duration"));
            }
        }
        block.rejectUnknownKeys();
        return new SimulationSpec(
                seed,
                clock,
                speed,
                startTime,
                duration,
                count,
                (int) Math.max(1, Math.min(maxInFlight, Integer.MAX_VALUE)),
                sinks,
                streams,
                user);
    }

    private ClockMode parseClock(BlockSpec block) {
        String name = block.getString("clock", "virtual");
        ClockMode clock = ClockMode.fromConfigName(name);
        if (clock == null) {
            block.reject("clock", "'" + name + "'", "real-time or virtual");
            return ClockMode.VIRTUAL;
        }
        return clock;
    }

    private static Instant parseStartTime(BlockSpec block) {
        String text = block.getString("start-time", "now");
        if (text.equals("now")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            block.reject("start-time", "'" + text + "'", "an ISO-8601 instant such as 2026-01-01T00:00:00Z, or now");
            return null;
        }
    }

    private static Duration positiveDuration(BlockSpec block, String key) {
        Duration duration = block.getDuration(key, null);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            block.reject(key, block.config().getValue(key).render(), "a duration greater than 0, such as 10s");
            return null;
        }
        return duration;
    }

    private static Long nonNegativeCount(BlockSpec block, String key) {
        if (!block.has(key)) {
            return null;
        }
        // Read here rather than with getLong, so that text such as "ten" gets one problem with the rule for counts.
        ConfigValue value = block.config().getValue(key);
        Long count = wholeNumber(value.unwrapped());
        if (count == null || count < 0) {
            block.reject(key, value.render(), "a whole number of records, 0 or more");
            return null;
        }
        return count;
    }

    /** Returns a whole number written as a number or as text, such as {@code 10} or {@code "10"}, or null. */
    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private Map<String, Config> parseSinks(Config simulation) {
        Map<String, Config> sinks = new LinkedHashMap<>();
        ConfigObject object = objectAt(simulation, "sinks", "simulation.sinks");
        if (object == null) {
            return sinks;
        }
        for (Map.Entry<String, ConfigValue> entry : Origins.declaredOrder(object)) {
            String path = "simulation.sinks." + entry.getKey();
            Config block = pluginBlock(entry.getValue(), path, "a sink block such as { type = kafka, ... }");
            if (block == null) {
                continue;
            }
            SinkSpec sinkSpec =
                    new SinkSpec(entry.getKey(), path, block, entry.getValue().origin(), problems);
            registry.validateSink(sinkSpec);
            sinks.put(entry.getKey(), block);
        }
        return sinks;
    }

    private Map<String, StreamSpec> parseStreams(Config simulation) {
        Map<String, StreamSpec> streams = new LinkedHashMap<>();
        ConfigObject object = objectAt(simulation, "streams", "simulation.streams");
        if (object == null) {
            return streams;
        }
        if (object.isEmpty()) {
            problems.add(
                    new ConfigProblem(
                            Origins.describe(object.origin()),
                            "simulation.streams",
                            "no streams declared; declare at least one, such as streams.sensors { topic = ..., fields { ... } }"));
        }
        for (Map.Entry<String, ConfigValue> entry : Origins.declaredOrder(object)) {
            String path = "simulation.streams." + entry.getKey();
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                problems.add(new ConfigProblem(
                        Origins.describe(entry.getValue().origin()),
                        path,
                        "invalid value " + entry.getValue().render()
                                + "; expected a stream block { topic = ..., fields { ... } }"));
                continue;
            }
            StreamSpec stream = parseStream(entry.getKey(), path, (ConfigObject) entry.getValue());
            streams.put(entry.getKey(), stream);
        }
        return streams;
    }

    private StreamSpec parseStream(String name, String path, ConfigObject user) {
        Config config = user.toConfig().withFallback(STREAM_DEFAULTS);
        BlockSpec block = new BlockSpec(path, config, user.origin(), problems);
        block.accept(declaredKeys(STREAM_DEFAULTS));

        String topic = block.getString("topic", name);
        String topicRule = topicRuleBroken(topic);
        if (topicRule != null) {
            String rendered = "'" + topic + "'";
            if (!block.config().hasPath("topic")) {
                // Without a topic key the topic is the stream's name, and the message names its source.
                block.problem("invalid topic " + rendered + " taken from the stream's name; " + topicRule
                        + ", so rename the stream or set topic");
            } else {
                block.reject("topic", rendered, "a Kafka topic name: " + topicRule);
            }
        }
        RateSchedule schedule = ScheduleParser.parse(block);
        FaultSpec faults = FaultParser.parse(block);
        Long count = nonNegativeCount(block, "count");
        Duration duration = positiveDuration(block, "duration");
        String keyField = block.getString("key", null);
        String sink = block.getString("sink", null);
        boolean preload = block.getBoolean("preload", false);
        Config valueFormat = formatBlock(block, "format", "json");
        Config keyFormat = formatBlock(block, "key-format", "string");
        Map<String, Config> fields = new LinkedHashMap<>();
        Map<String, ConfigOrigin> fieldOrigins = new LinkedHashMap<>();
        parseFields(config, path, user.containsKey("fields"), user.origin(), fields, fieldOrigins);
        List<HeaderSpec> headers = parseHeaders(config, path);
        if (keyField != null && !fields.containsKey(keyField)) {
            block.problem("key", Suggestions.unknown("field", keyField, fields.keySet()));
        }
        block.rejectUnknownKeys();
        StreamSpec stream = new StreamSpec(
                name,
                path,
                topic,
                schedule,
                faults,
                count,
                duration,
                keyField,
                sink,
                valueFormat,
                keyFormat,
                fields,
                fieldOrigins,
                headers,
                user.origin(),
                preload);
        return stream;
    }

    /**
     * Returns the Kafka topic naming rule a name breaks, or null for a valid name. The rules are those Kafka's
     * brokers apply when a topic is created.
     */
    static String topicRuleBroken(String topic) {
        if (topic.isEmpty()) {
            return "a topic name is at least 1 character";
        }
        if (topic.equals(".") || topic.equals("..")) {
            return "a topic name cannot be '.' or '..'";
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            return "a topic name is at most " + MAX_TOPIC_LENGTH + " characters, and this one has " + topic.length();
        }
        if (!LEGAL_TOPIC.matcher(topic).matches()) {
            return "a topic name contains only ASCII letters, digits, '.', '_' and '-'";
        }
        return null;
    }

    private static String[] declaredKeys(Config defaults) {
        return Origins.declaredOrder(defaults.root()).stream()
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    private Config formatBlock(BlockSpec block, String key, String fallback) {
        if (!block.has(key)) {
            return ConfigFactory.empty().withValue("type", ConfigValueFactory.fromAnyRef(fallback));
        }
        ConfigValue value = block.config().getValue(key);
        if (value.valueType() == ConfigValueType.OBJECT) {
            return ((ConfigObject) value).toConfig();
        }
        if (value.valueType() == ConfigValueType.STRING) {
            return ConfigFactory.empty().withValue("type", value);
        }
        block.reject(key, value.render(), "a format name such as json, or a block such as { type = csv }");
        return ConfigFactory.empty().withValue("type", ConfigValueFactory.fromAnyRef(fallback));
    }

    private void parseFields(
            Config stream,
            String path,
            boolean declared,
            ConfigOrigin streamOrigin,
            Map<String, Config> fields,
            Map<String, ConfigOrigin> origins) {
        ConfigObject object = objectAt(stream, "fields", path + ".fields");
        if (object == null) {
            return;
        }
        if (object.isEmpty()) {
            // Without a fields block of its own, the stream has the empty default from reference.conf.
            ConfigOrigin where = declared ? object.origin() : streamOrigin;
            problems.add(new ConfigProblem(
                    Origins.describe(where),
                    path + ".fields",
                    "no fields declared; declare at least one, such as id { type = uuid }"));
        }
        for (List<String> names : Origins.keysSharingALine(object)) {
            problems.add(Origins.sameLineProblem(object, names, path + ".fields", "fields"));
        }
        for (Map.Entry<String, ConfigValue> entry : Origins.declaredOrder(object)) {
            String fieldPath = path + ".fields." + entry.getKey();
            Config block = pluginBlock(entry.getValue(), fieldPath, "a generator block such as { type = uuid }");
            if (block != null) {
                fields.put(entry.getKey(), block);
                origins.put(entry.getKey(), entry.getValue().origin());
            }
        }
    }

    private List<HeaderSpec> parseHeaders(Config stream, String path) {
        List<HeaderSpec> headers = new ArrayList<>();
        ConfigObject object = objectAt(stream, "headers", path + ".headers");
        if (object == null) {
            return headers;
        }
        for (List<String> names : Origins.keysSharingALine(object)) {
            problems.add(Origins.sameLineProblem(object, names, path + ".headers", "headers"));
        }
        for (Map.Entry<String, ConfigValue> entry : Origins.declaredOrder(object)) {
            String name = entry.getKey();
            ConfigValue value = entry.getValue();
            String headerPath = path + ".headers." + name;
            if (name.startsWith(HeaderSpec.RESERVED_PREFIX)) {
                problems.add(new ConfigProblem(
                        Origins.describe(value.origin()),
                        headerPath,
                        "invalid header name '" + name + "'; names starting with kafkasim. are kept for the headers"
                                + " kafkasim adds (kafkasim.stream, kafkasim.seq, kafkasim.sent-at, kafkasim.run,"
                                + " kafkasim.fault), so choose another name"));
                continue;
            }
            switch (value.valueType()) {
                case OBJECT ->
                    headers.add(new HeaderSpec(name, null, ((ConfigObject) value).toConfig(), value.origin()));
                case NULL -> headers.add(new HeaderSpec(name, null, null, value.origin()));
                case LIST ->
                    problems.add(new ConfigProblem(
                            Origins.describe(value.origin()),
                            headerPath,
                            "invalid value " + value.render(ConfigRenderOptions.concise())
                                    + "; expected a text such as \"eu-west\", or a generator"
                                    + " block such as { type = uuid }"));
                default -> headers.add(new HeaderSpec(name, value.unwrapped().toString(), null, value.origin()));
            }
        }
        return headers;
    }

    /** Returns a plugin block: an object as it is, or a bare type name such as {@code uuid} as {@code { type = uuid }}. */
    private Config pluginBlock(ConfigValue value, String path, String expected) {
        if (value.valueType() == ConfigValueType.OBJECT) {
            return ((ConfigObject) value).toConfig();
        }
        if (value.valueType() == ConfigValueType.STRING) {
            return ConfigFactory.empty().withValue("type", value);
        }
        problems.add(new ConfigProblem(
                Origins.describe(value.origin()), path, "invalid value " + value.render() + "; expected " + expected));
        return null;
    }

    private ConfigObject objectAt(Config config, String key, String path) {
        if (!config.hasPath(key)) {
            return null;
        }
        ConfigValue value = config.getValue(key);
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add(new ConfigProblem(
                    Origins.describe(value.origin()),
                    path,
                    "invalid value " + value.render() + "; expected a block { ... }"));
            return null;
        }
        return (ConfigObject) value;
    }
}
