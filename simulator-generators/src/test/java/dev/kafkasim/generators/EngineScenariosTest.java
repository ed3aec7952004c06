package dev.kafkasim.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the built-in generators through the engine, as a scenario file uses them. */
class EngineScenariosTest {
    private static final String CATALOG = """
            simulation {
              seed = %d
              clock = virtual
              streams.catalog {
                count = 500
                key = user
                fields {
                  user        { type = pattern, format = "user-%%02d", cardinality = 20 }
                  n           { type = sequence, start = 1 }
                  amount      { type = uniform, min = 1, max = 100, scale = 2 }
                  level       { type = normal, mean = 10, stddev = 2 }
                  latency     { type = log-normal, mean = 120, stddev = 60 }
                  wait        { type = exponential, mean = 3 }
                  items       { type = poisson, mean = 2 }
                  product     { type = zipf, cardinality = 1000, exponent = 1.1 }
                  walk        { type = random-walk, start = 0, step = 1 }
                  price       { type = gbm, start = 100, volatility = 0.2, scale = 2 }
                  load        { type = seasonal, period = 1h, amplitude = 5, offset = 10, noise = 1 }
                  status      { type = weighted, values { OK = 9, FAIL = 1 } }
                  region      { type = one-of, values = [eu, us] }
                  mobile      { type = boolean, probability = 0.4 }
                  ref         { type = template, template = "${user}/${n}/${seq}" }
                  id          { type = uuid, version = 7 }
                  at          { type = timestamp, format = iso-8601 }
                  name        { type = faker, expression = "#{Name.firstName}" }
                  version     { type = constant, value = 2 }
                  coupon      { type = nullable, fraction = 0.5, of { type = uuid } }
                  geo         { type = object, fields { lat { type = uniform, min = 40, max = 50, scale = 3 } } }
                  tags        { type = array, min-length = 0, max-length = 3, items { type = one-of, values = [a, b] } }
                  order_no    { type = unique, min = 1, max = 100000 }
                  page        { type = markov, initial { home = 1 }, transitions { home { cart = 0.5, exit = 0.5 }, cart { exit = 1 } } }
                }
              }
            }
            """;

    @Test
    void iotSensorsScenarioRuns() {
        Config config = ConfigFactory.parseString("simulation { clock = virtual, streams.sensors.count = 3000 }")
                .withFallback(ConfigFactory.parseResources("kafkasim/scenarios/iot-sensors.conf"));

        List<SimRecord> records = run(config);

        assertThat(records).hasSize(3000);
        assertThat(records).allSatisfy(record -> assertThat(record.topic()).isEqualTo("iot.sensors"));
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(field(record, "device_id")));
        assertThat(records)
                .allSatisfy(record ->
                        assertThat((Double) field(record, "temperature")).isBetween(-10.0, 45.0));
        assertThat(records)
                .allSatisfy(
                        record -> assertThat((Double) field(record, "humidity")).isBetween(0.0, 100.0));
        assertThat(records)
                .allSatisfy(record -> assertThat(field(record, "status")).isIn("OK", "WARN", "FAIL"));
        assertThat(records)
                .allSatisfy(record ->
                        assertThat((String) field(record, "event_time")).endsWith("Z"));
    }

    @Test
    void iotBatteryDrainsPerDevice() {
        Config config = ConfigFactory.parseString("simulation { clock = virtual, streams.sensors.count = 3000 }")
                .withFallback(ConfigFactory.parseResources("kafkasim/scenarios/iot-sensors.conf"));
        Map<Object, Double> lastBattery = new HashMap<>();

        for (SimRecord record : run(config)) {
            double battery = (Double) field(record, "battery");
            Double previous = lastBattery.put(record.key(), battery);
            assertThat(battery).isBetween(0.0, 100.0);
            if (previous != null) {
                assertThat(battery).isLessThan(previous);
            }
        }
    }

    @Test
    void clickstreamScenarioRuns() {
        Config config = ConfigFactory.parseString("simulation { clock = virtual, streams.clicks.count = 2000 }")
                .withFallback(ConfigFactory.parseResources("kafkasim/scenarios/clickstream.conf"));

        List<SimRecord> records = run(config);

        assertThat(records).hasSize(2000);
        assertThat(records)
                .allSatisfy(record -> assertThat(field(record, "page"))
                        .isIn("home", "search", "category", "product", "cart", "checkout", "exit"));
    }

    @Test
    void ordersScenarioRuns() {
        Config config = ConfigFactory.parseString("simulation { clock = virtual, streams.orders.count = 1000 }")
                .withFallback(ConfigFactory.parseResources("kafkasim/scenarios/orders.conf"));

        List<SimRecord> records = run(config);

        assertThat(records).hasSize(1000);
        assertThat(records.stream().map(record -> field(record, "order_id"))).doesNotHaveDuplicates();
        assertThat(records)
                .allSatisfy(record -> assertThat((String) field(record, "reference"))
                        .isEqualTo(field(record, "customer_id") + "/" + field(record, "order_id")));
        assertThat(records)
                .allSatisfy(
                        record -> assertThat((List<?>) field(record, "lines")).hasSizeBetween(1, 4));
    }

    @Test
    void everyGeneratorRunsThroughEngine() {
        List<SimRecord> records = run(ConfigFactory.parseString(CATALOG.formatted(7)));

        assertThat(records).hasSize(500);
        assertThat(records)
                .allSatisfy(record -> assertThat((String) field(record, "ref"))
                        .isEqualTo(field(record, "user") + "/" + field(record, "n") + "/" + record.sequence()));
        assertThat(records)
                .allSatisfy(record -> assertThat(field(record, "geo")).isInstanceOf(RecordValue.class));
        assertThat(records.stream().map(record -> field(record, "order_no"))).doesNotHaveDuplicates();
    }

    @Test
    void sameSeedGivesSameRecords() {
        List<SimRecord> first = run(ConfigFactory.parseString(CATALOG.formatted(7)));
        List<SimRecord> second = run(ConfigFactory.parseString(CATALOG.formatted(7)));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedGivesDifferentRecords() {
        List<SimRecord> first = run(ConfigFactory.parseString(CATALOG.formatted(7)));
        List<SimRecord> second = run(ConfigFactory.parseString(CATALOG.formatted(8)));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void invalidParameterFailsBuild() {
        Config config =
                ConfigFactory.parseString("simulation.streams.s.fields.x { type = normal, mean = 1, stddv = 2 }");

        assertThatThrownBy(() -> SimulatorEngine.builder()
                        .config(config)
                        .sink("main", Sinks.inMemory())
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.s.fields.x.stddev: missing required key; expected a number")
                .hasMessageContaining("simulation.streams.s.fields.x.stddv: unknown key; did you mean 'stddev'?");
    }

    private static List<SimRecord> run(Config config) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().config(config).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofMinutes(1))).isTrue();
            assertThat(engine.failure()).isEmpty();
        }
        return sink.records();
    }

    private static Object field(SimRecord record, String name) {
        return record.recordValue().get(name);
    }
}
