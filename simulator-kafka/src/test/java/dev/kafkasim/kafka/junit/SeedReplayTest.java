package dev.kafkasim.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.core.SimulatorEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SeedReplayTest {
    @Test
    void failingTestPrintsItsSeed() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            results = TestKit.run(FailingTest.class);
        } finally {
            System.setErr(standardError);
        }

        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(TestKit.reportEntries(results, "kafkasim.seed")).containsExactly("42");
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("kafkasim seed: 42; replay with -Dkafkasim.seed=42");
    }

    @Test
    void passingTestPrintsNoSeed() {
        EngineExecutionResults results = TestKit.run(SeedReadingTest.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(TestKit.reportEntries(results, "kafkasim.seed")).isEmpty();
    }

    @Test
    void seedPropertyOverridesScenarioSeed() {
        EngineExecutionResults results = TestKit.run(SeedReadingTest.class, Map.of("kafkasim.seed", "7"));

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(TestKit.reportEntries(results, "seed")).containsExactly("7");
    }

    @Test
    void invalidSeedPropertyNamesTheValue() {
        EngineExecutionResults results = TestKit.run(SeedReadingTest.class, Map.of("kafkasim.seed", "forty-two"));

        assertThat(TestKit.configurationError(results))
                .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
                .hasMessage("kafkasim.seed = 'forty-two' is invalid; give the whole number that a failed test"
                        + " printed, such as -Dkafkasim.seed=42");
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors", overrides = "simulation { clock = virtual, count = 10 }")
    static class FailingTest {
        @Test
        void fails(SimulatorEngine engine) {
            assertThat(engine.spec().seed()).isEqualTo(-1);
        }
    }

    @RunByTestKit
    @KafkaSimTest(scenario = "iot-sensors", overrides = "simulation { clock = virtual, count = 10 }")
    static class SeedReadingTest {
        @Test
        void readsSeed(SimulatorEngine engine, org.junit.jupiter.api.TestReporter reporter) {
            reporter.publishEntry("seed", Long.toString(engine.spec().seed()));
        }
    }
}
