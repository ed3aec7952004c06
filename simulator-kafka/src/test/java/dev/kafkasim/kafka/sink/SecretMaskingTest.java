package dev.kafkasim.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.kafka.sink.internal.SecretMasking;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void scrubRemovesKnownSecretValues() {
        Map<String, String> properties = Map.of("ssl.keystore.password", "ks-pass-1", "linger.ms", "5");

        String scrubbed = SecretMasking.scrub("keystore ks-pass-1 failed, linger 5", properties);

        assertThat(scrubbed).isEqualTo("keystore [hidden] failed, linger 5");
    }

    @Test
    void scrubRemovesAssignedPasswords() {
        String text = "PlainLoginModule required username=\"sim\" password=\"p-2\"; client.secret=abc ok";

        String scrubbed = SecretMasking.scrub(text, Map.of());

        assertThat(scrubbed)
                .isEqualTo("PlainLoginModule required username=\"sim\" password=[hidden]; client.secret=[hidden] ok");
    }

    @Test
    void scrubKeepsMaskedText() {
        String text = "ssl.truststore.password=[hidden], Invalid username or password";

        String scrubbed = SecretMasking.scrub(text, Map.of());

        assertThat(scrubbed).isEqualTo(text);
    }
}
