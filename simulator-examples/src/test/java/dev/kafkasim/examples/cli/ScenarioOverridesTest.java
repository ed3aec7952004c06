package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ScenarioOverridesTest {
    private static final Config TWO_STREAMS = ConfigFactory.parseString("""
            simulation {
              seed = 1
              streams {
                sensors { rate = 10/s, fields { id { type = sequence } } }
                "door.events" { rate = 2/s, count = 50, fields { id { type = sequence } } }
              }
            }
            """);

    @Test
    void rateAppliesToEveryStream() {
        Config layered = new ScenarioOverrides().rate("500/s").applyTo(TWO_STREAMS);

        assertThat(layered.getString("simulation.streams.sensors.rate")).isEqualTo("500/s");
        assertThat(layered.getString("simulation.streams.\"door.events\".rate")).isEqualTo("500/s");
    }

    @Test
    void optionsReplaceScenarioValues() {
        Config layered =
                new ScenarioOverrides().seed(42L).duration("30s").count(1000L).applyTo(TWO_STREAMS);

        assertThat(layered.getLong("simulation.seed")).isEqualTo(42L);
        assertThat(layered.getString("simulation.duration")).isEqualTo("30s");
        assertThat(layered.getLong("simulation.count")).isEqualTo(1000L);
        assertThat(layered.getValue("simulation.seed").origin().description()).contains("command line");
    }

    @Test
    void kafkaSinkIsAddedWhenNoneDeclared() {
        Config layered =
                new ScenarioOverrides().bootstrapServers("127.0.0.1:9092").applyTo(TWO_STREAMS);

        assertThat(layered.getString("simulation.sinks.main.type")).isEqualTo("kafka");
        assertThat(layered.getString("simulation.sinks.main.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
        assertThat(layered.getInt("simulation.sinks.main.partitions")).isEqualTo(ScenarioOverrides.DEFAULT_PARTITIONS);
    }

    @Test
    void declaredKafkaSinkGetsBootstrapServers() {
        Config scenario = ConfigFactory.parseString("""
                simulation.sinks {
                  out { type = kafka, bootstrap-servers = "127.0.0.1:1", producer { acks = all } }
                  copy { type = memory }
                }
                """).withFallback(TWO_STREAMS);

        Config layered =
                new ScenarioOverrides().bootstrapServers("127.0.0.1:9092").applyTo(scenario);

        assertThat(layered.getString("simulation.sinks.out.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
        assertThat(layered.getString("simulation.sinks.out.producer.acks")).isEqualTo("all");
        assertThat(layered.hasPath("simulation.sinks.copy.bootstrap-servers")).isFalse();
        assertThat(layered.hasPath("simulation.sinks.main")).isFalse();
    }

    @Test
    void unlimitedScenarioGetsDefaultDuration() {
        Config scenario = ConfigFactory.parseString("simulation.streams.sensors.rate = 10/s");

        Config layered = new ScenarioOverrides().applyTo(scenario);

        assertThat(layered.getString("simulation.duration")).isEqualTo(ScenarioOverrides.DEFAULT_DURATION);
    }

    @Test
    void oneUnlimitedStreamGetsDefaultDuration() {
        Config layered = new ScenarioOverrides().applyTo(TWO_STREAMS);

        assertThat(layered.getString("simulation.duration")).isEqualTo(ScenarioOverrides.DEFAULT_DURATION);
    }

    @Test
    void limitOnEveryStreamIsKept() {
        Config scenario = ConfigFactory.parseString("simulation.streams.sensors.duration = 5s")
                .withFallback(TWO_STREAMS);

        Config layered = new ScenarioOverrides().applyTo(scenario);

        assertThat(layered.hasPath("simulation.duration")).isFalse();
    }

    @Test
    void countOptionIsALimit() {
        Config layered = new ScenarioOverrides().count(10L).applyTo(TWO_STREAMS);

        assertThat(layered.hasPath("simulation.duration")).isFalse();
    }
}
