package dev.kafkasim.kafka.sink.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Hides the values of client properties that hold credentials before they reach a log or a {@code toString}. */
public final class SecretMasking {
    /** The text shown in place of a secret value. */
    public static final String MASK = "[hidden]";

    private SecretMasking() {}

    /**
     * Returns whether a property holds a secret: {@code sasl.jaas.config}, a name containing {@code password} or
     * {@code secret}, or a property that Kafka's producer declares as a password.
     *
     * @param name the property name
     */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("sasl.jaas.config") || lower.contains("password") || lower.contains("secret")) {
            return true;
        }
        ConfigDef.ConfigKey key = ProducerConfig.configDef().configKeys().get(name);
        return key != null && key.type == ConfigDef.Type.PASSWORD;
    }

    /**
     * Returns a copy of the properties with every secret value replaced by {@link #MASK}.
     *
     * @param properties client properties
     * @return a new map in the same order
     */
    public static Map<String, String> mask(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return masked;
    }
}
