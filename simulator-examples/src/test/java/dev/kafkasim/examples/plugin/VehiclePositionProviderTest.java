package dev.kafkasim.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin inherits the generator contract checks, and is found through ServiceLoader by the engine. */
class VehiclePositionProviderTest extends GeneratorContractTest {

    private static final String SCENARIO = """
            simulation {
              streams.vehicles {
                rate = 1/s
                count = 600
                key = vehicle
                fields {
                  vehicle { type = pattern, format = "truck-%%02d", cardinality = 3, order = sequential }
                  position { type = vehicle-position, start-lat = 52.52, start-lon = 13.405, speed-kmh = 36 %s }
                }
              }
            }
            """;

    @Override
    protected GeneratorProvider provider() {
        return new VehiclePositionProvider();
    }

    @Override
    protected String validConfig() {
        return "type = vehicle-position, start-lat = 52.52, start-lon = 13.405, speed-kmh = 40, turn-stddev = 15";
    }

    @Test
    void vehiclesMoveAtDeclaredSpeed() {
        List<SimRecord> records = run(SCENARIO.formatted(", turn-stddev = 0"));

        // Three trucks take turns, so each reads every 3 s: 36 km/h is 30 m between its readings.
        RecordValue first = position(records.get(0));
        RecordValue next = position(records.get(3));
        double metres = distanceMetres(first, next);
        assertThat(metres).isBetween(29.9, 30.1);
        assertThat(records.get(3).key()).isEqualTo(records.get(0).key());
    }

    @Test
    void eachVehicleKeepsItsOwnTrack() {
        List<SimRecord> records = run(SCENARIO.formatted(""));

        RecordValue truck0 = position(records.get(597));
        RecordValue truck1 = position(records.get(598));
        assertThat(records.get(597).key()).isNotEqualTo(records.get(598).key());
        assertThat(distanceMetres(truck0, truck1)).isGreaterThan(1);
    }

    @Test
    void invalidLatitudeIsRejected() {
        String scenario = SCENARIO.formatted("").replace("start-lat = 52.52", "start-lat = 95");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "vehicles.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("vehicles.conf:8: simulation.streams.vehicles.fields.position.start-lat: invalid"
                        + " value 95.0; expected a latitude from -85 to 85 degrees");
    }

    private static List<SimRecord> run(String scenario) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(SimulationSpec.parse(scenario, "vehicles.conf"))
                .sink("main", sink)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        return sink.records();
    }

    private static RecordValue position(SimRecord record) {
        return (RecordValue) record.recordValue().get("position");
    }

    private static double distanceMetres(RecordValue a, RecordValue b) {
        double lat = Math.toRadians((Double) a.get("lat"));
        double dLat = (Double) b.get("lat") - (Double) a.get("lat");
        double dLon = ((Double) b.get("lon") - (Double) a.get("lon")) * Math.cos(lat);
        return Math.hypot(dLat, dLon) * 111_320;
    }
}
