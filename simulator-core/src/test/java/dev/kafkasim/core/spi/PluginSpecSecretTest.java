package dev.kafkasim.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that a rejected value under a credential's key never appears in the problem's message. */
class PluginSpecSecretTest {

    @Test
    void rejectHidesSecretValues() {
        Config config = ConfigFactory.parseString("""
                producer.ssl.keystore.password = "keystore-pass-1"
                producer.sasl.jaas.config = "PlainLoginModule required password=\\"jaas-pass-2\\";"
                client-secret = "client-secret-3"
                linger = "five"
                """);
        List<ConfigProblem> problems = new ArrayList<>();
        SinkSpec spec = new SinkSpec("main", "simulation.sinks.main", config, config.origin(), problems);

        spec.reject("producer.ssl.keystore.password", "keystore-pass-1", "a string");
        spec.reject("producer.sasl.jaas.config", config.getString("producer.sasl.jaas.config"), "a JAAS line");
        spec.reject("client-secret", "client-secret-3", "a string");
        spec.reject("linger", "five", "a duration");
        String rendered = problems.toString();

        assertThat(problems).hasSize(4);
        assertThat(rendered).doesNotContain("keystore-pass-1", "jaas-pass-2", "client-secret-3");
        assertThat(problems.get(0).message()).isEqualTo("invalid value [hidden]; expected a string");
        assertThat(problems.get(3).message()).isEqualTo("invalid value five; expected a duration");
    }
}
