package dev.kafkasim.generators.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.InMemorySink;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceProviderTest {

    private static final String SHOP = """
            simulation {
              seed = 5
              streams.customers {
                preload = true
                rate = 10000/s
                count = 2000
                key = customer_id
                fields {
                  customer_id { type = pattern, format = "c-%%05d", cardinality = 100000, order = sequential }
                  name { type = faker, expression = "#{Name.fullName}" }
                }
              }
              streams.orders {
                rate = 10000/s
                count = 100000
                key = order_id
                fields {
                  order_id { type = uuid }
                  customer_id { type = reference, stream = customers %s }
                  total { type = uniform, min = 5, max = 500, scale = 2 }
                }
              }
            }
            """;

    @Test
    void everyOrderReferencesEmittedCustomer() {
        List<SimRecord> records = run(SHOP.formatted(""));

        Set<Object> customers = keys(records, "customers");
        List<Object> referenced = values(records, "orders", "customer_id");
        assertThat(customers).hasSize(2000);
        assertThat(referenced).hasSize(100_000).doesNotContainNull();
        assertThat(customers).containsAll(referenced);
    }

    @Test
    void uniformChoiceSpreadsOverCustomers() {
        List<Object> referenced = values(run(SHOP.formatted("")), "orders", "customer_id");

        Map<Object, Long> counts = referenced.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        // 100,000 draws over 2,000 values: a mean of 50 per value, with a standard deviation of about 7.
        assertThat(counts).hasSize(2000);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(15L, 95L));
    }

    @Test
    void zipfChoiceFavoursFirstSent() {
        List<Object> referenced =
                values(run(SHOP.formatted(", choice = zipf, exponent = 1.2")), "orders", "customer_id");

        Map<Object, Long> counts = new HashMap<>();
        referenced.forEach(v -> counts.merge(v, 1L, Long::sum));
        long first = counts.getOrDefault("c-00000", 0L);
        long tenth = counts.getOrDefault("c-00009", 0L);
        long hundredth = counts.getOrDefault("c-00099", 0L);
        assertThat(first).isGreaterThan(tenth);
        assertThat(tenth).isGreaterThan(hundredth);
        // Rank 1 of Zipf(1.2) over 2,000 ranks has probability 1 / H(2000, 1.2), about 0.24.
        assertThat(first / 100_000.0).isBetween(0.22, 0.26);
    }

    @Test
    void unknownStreamFailsAtLoad() {
        String scenario = SHOP.formatted("").replace("stream = customers", "stream = clients");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "shop.conf:19: simulation.streams.orders.fields.customer_id.stream: unknown stream"
                                + " 'clients'; expected one of: customers, orders");
    }

    @Test
    void unknownFieldFailsAtLoad() {
        String scenario = SHOP.formatted(", field = nmae");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shop.conf:19: simulation.streams.orders.fields.customer_id.field: unknown field"
                        + " 'nmae' in stream 'customers'; did you mean 'name'? Known: customer_id, name");
    }

    @Test
    void badChoiceIsRejected() {
        String scenario = SHOP.formatted(", choice = random");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.orders.fields.customer_id.choice: invalid value 'random';"
                        + " expected uniform or zipf");
    }

    private static List<SimRecord> run(String scenario) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(SimulationSpec.parse(scenario, "shop.conf"))
                .sink("main", sink)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
        }
        return sink.records();
    }

    private static Set<Object> keys(List<SimRecord> records, String stream) {
        return records.stream()
                .filter(r -> r.stream().equals(stream))
                .map(SimRecord::key)
                .collect(Collectors.toSet());
    }

    private static List<Object> values(List<SimRecord> records, String stream, String field) {
        return records.stream()
                .filter(r -> r.stream().equals(stream))
                .map(r -> r.recordValue().get(field))
                .toList();
    }
}
