package dev.kafkasim.kafka.sink.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Hides the values of client properties that hold credentials before they reach a log or a {@code toString}. */
public final class SecretMasking {
    /** The text shown in place of a secret value. */
    public static final String MASK = "[hidden]";

    /**
     * A {@code name=value} pair whose name contains {@code password} or {@code secret}, as in a JAAS line
     * ({@code password="..."}) or a properties dump. A value that starts with a bracket, such as the mask itself,
     * is left alone.
     */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)([\\w.-]*(?:password|secret)[\\w.-]*)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;}\\[\\]\"']+)");

    private SecretMasking() {}

    /**
     * Returns whether a property contains a secret: {@code sasl.jaas.config}, a name containing {@code password} or
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

    /**
     * Returns text, such as an error message, with every secret removed: each value of a secret property found in
     * {@code properties}, and each value assigned to a name containing {@code password} or {@code secret}.
     *
     * @param text the text, or {@code null}
     * @param properties client properties whose secret values must not appear; may be empty
     * @return the text with secrets replaced by {@link #MASK}, or {@code null} for {@code null}
     */
    public static String scrub(String text, Map<String, String> properties) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String value = property.getValue();
            if (isSecret(property.getKey()) && value != null && !value.isBlank()) {
                scrubbed = scrubbed.replace(value, MASK);
            }
        }
        return SECRET_ASSIGNMENT
                .matcher(scrubbed)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + match.group(2) + MASK));
    }
}
