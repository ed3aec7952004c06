package dev.kafkasim.kafka.sink;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Creates {@link KafkaSink}s from {@code type = kafka} blocks.
 *
 * <p>Keys:
 *
 * <ul>
 *   <li>{@code bootstrap-servers}: required, a string such as {@code "127.0.0.1:9092"} or a list of them;
 *   <li>{@code producer}: producer properties passed through as strings, nested keys joined with dots, so
 *       {@code producer { linger.ms = 5 }} sets {@code linger.ms}; serializers are fixed to bytes;
 *   <li>{@code create-topics}: whether to create missing topics on open, default {@code true};
 *   <li>{@code partitions} and {@code replication-factor}: of created topics, default 1 each;
 *   <li>{@code topic-config}: topic settings of created topics, such as {@code retention.ms};
 *   <li>{@code close-timeout}: how long closing waits for pending records, default {@code 30s};
 *   <li>{@code kafkasim-headers}: whether records carry the kafkasim headers, default {@code true}.
 * </ul>
 */
public final class KafkaSinkProvider implements SinkProvider {
    private static final List<String> FIXED_PRODUCER_PROPERTIES =
            List.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public KafkaSinkProvider() {}

    /** Returns {@code kafka}. */
    @Override
    public String type() {
        return "kafka";
    }

    /**
     * Reads and validates the block. Problems are recorded in the spec; the sink returned for an invalid block
     * must not be opened.
     */
    @Override
    public Sink create(SinkSpec spec) {
        KafkaSink.Builder builder = KafkaSink.builder()
                .bootstrapServers(bootstrapServers(spec))
                .createTopics(spec.getBoolean("create-topics", true))
                .partitions(positive(spec, "partitions", Integer.MAX_VALUE))
                .replicationFactor(positive(spec, "replication-factor", Short.MAX_VALUE))
                .closeTimeout(closeTimeout(spec))
                .kafkasimHeaders(spec.getBoolean("kafkasim-headers", true));
        producerProperties(spec).forEach(builder::producerProperty);
        properties(spec, "topic-config").forEach(builder::topicConfig);
        return spec.hasProblems() ? builder.buildUnchecked() : builder.build();
    }

    private static String bootstrapServers(SinkSpec spec) {
        String key = "bootstrap-servers";
        if (!spec.has(key)) {
            return spec.getString(key);
        }
        boolean isList = spec.config().getValue(key).valueType() == ConfigValueType.LIST;
        List<String> servers =
                isList ? spec.getStringList(key) : List.of(spec.getString(key).split(","));
        List<String> trimmed = servers.stream().map(String::trim).collect(Collectors.toList());
        String joined = String.join(",", trimmed);
        if (trimmed.isEmpty() || trimmed.stream().anyMatch(server -> !server.matches("[^\\s:]+:\\d{1,5}"))) {
            spec.reject(key, "\"" + joined + "\"", "host:port addresses such as \"127.0.0.1:9092\"");
        }
        return joined;
    }

    private static int positive(SinkSpec spec, String key, int max) {
        int value = spec.getInt(key, 1);
        if (value < 1 || value > max) {
            spec.reject(key, value, "a whole number from 1 to " + max);
            return 1;
        }
        return value;
    }

    private static Duration closeTimeout(SinkSpec spec) {
        Duration timeout = spec.getDuration("close-timeout", Duration.ofSeconds(30));
        if (timeout.isNegative()) {
            spec.reject("close-timeout", spec.config().getValue("close-timeout").render(), "a duration of 0 or more");
            return Duration.ofSeconds(30);
        }
        return timeout;
    }

    private static Map<String, String> producerProperties(SinkSpec spec) {
        Map<String, String> properties = properties(spec, "producer");
        for (String fixed : FIXED_PRODUCER_PROPERTIES) {
            String value = properties.remove(fixed);
            if (value != null) {
                spec.reject(
                        "producer." + fixed,
                        value,
                        "no serializer: the sink sends the bytes of the stream's format; set the stream's format"
                                + " or key-format instead");
            }
        }
        if (properties.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) != null) {
            spec.reject(
                    "producer." + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "(set)",
                    "no value here; set the sink's bootstrap-servers instead");
        }
        return properties;
    }

    /** Flattens an object of properties: nested keys join with dots, lists join with commas, values as text. */
    private static Map<String, String> properties(SinkSpec spec, String key) {
        Map<String, String> properties = new TreeMap<>();
        if (!spec.has(key)) {
            return properties;
        }
        if (spec.config().getValue(key).valueType() != ConfigValueType.OBJECT) {
            spec.reject(key, spec.config().getValue(key).render(), "an object of properties such as { acks = all }");
            return properties;
        }
        Config block = spec.config().getConfig(key);
        for (Map.Entry<String, ConfigValue> entry : block.entrySet()) {
            String name = String.join(".", ConfigUtil.splitPath(entry.getKey()));
            properties.put(name, text(entry.getValue()));
        }
        return properties;
    }

    private static String text(ConfigValue value) {
        if (value.unwrapped() instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value.unwrapped());
    }
}
