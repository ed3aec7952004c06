package dev.kafkasim.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

/** Loads the scenarios the benchmarks run and sets their clock, count and sink. */
final class Scenarios {
    /** The bundled IoT scenario: six fields, about 130 bytes of JSON per record. */
    static final String IOT_SENSORS = "kafkasim/scenarios/iot-sensors.conf";

    /** Five fields and about 100 bytes of JSON per record, without a key, to match ProducerPerformance's records. */
    static final String SENSORS_100_BYTES = "bench/sensors-100b.conf";

    /** A fixed start time, so that runs stamp the same event times. */
    private static final String START_TIME = "2026-01-01T00:00:00Z";

    private Scenarios() {}

    /** Returns a scenario on the virtual clock, with a record count and one sink named {@code main}. */
    static Config virtual(String resource, long count) {
        return override(
                resource, "simulation { clock = virtual, count = " + count + ", start-time = \"" + START_TIME + "\" }");
    }

    /** Returns a scenario with extra settings given in HOCON, which take precedence over the scenario's. */
    static Config override(String resource, String hocon) {
        Config scenario = ConfigFactory.parseResources(
                Scenarios.class.getClassLoader(),
                resource,
                ConfigParseOptions.defaults().setAllowMissing(false));
        return ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.parseString("simulation.sinks.main { type = memory }"))
                .withFallback(scenario)
                .resolve();
    }
}
