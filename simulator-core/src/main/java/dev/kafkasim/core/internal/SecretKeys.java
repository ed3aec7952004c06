package dev.kafkasim.core.internal;

import java.util.Locale;

/** Recognises configuration keys whose values are credentials, so that problems never quote them. */
public final class SecretKeys {
    /** The text shown in place of a secret value. */
    public static final String MASK = "[hidden]";

    private SecretKeys() {}

    /**
     * Returns whether a key or HOCON path names a credential: its last part is {@code sasl.jaas.config}, or it
     * contains {@code password} or {@code secret} in any case.
     *
     * @param key a key or path, such as {@code producer.ssl.keystore.password}
     */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT).replace("\"", "");
        return lower.endsWith("sasl.jaas.config") || lower.contains("password") || lower.contains("secret");
    }
}
