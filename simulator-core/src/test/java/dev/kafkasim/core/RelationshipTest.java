package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RelationshipTest {

    private static final String SHOP = """
            simulation {
              start-time = "2026-01-01T00:00:00Z"
              streams.customers {
                preload = true
                rate = 1000/s
                count = 50
                key = customer_id
                fields { customer_id { type = counter, start = 1000 } }
              }
              streams.orders {
                rate = 100/s
                count = 500
                key = order_id
                fields {
                  order_id { type = counter }
                  customer { type = pick, stream = customers }
                }
              }
            }
            """;

    @Test
    void preloadedStreamIsSentBeforeOthers() {
        List<SimRecord> records = run(SHOP);

        assertThat(records.subList(0, 50)).extracting(SimRecord::stream).containsOnly("customers");
        assertThat(records.subList(50, 550)).extracting(SimRecord::stream).containsOnly("orders");
    }

    @Test
    void everyReferenceFindsSentKey() {
        List<SimRecord> records = run(SHOP);

        Set<Object> customers = records.stream()
                .filter(r -> r.stream().equals("customers"))
                .map(SimRecord::key)
                .collect(Collectors.toSet());
        List<Object> referenced = records.stream()
                .filter(r -> r.stream().equals("orders"))
                .map(r -> r.recordValue().get("customer"))
                .toList();
        assertThat(referenced).hasSize(500).doesNotContainNull();
        assertThat(customers).containsAll(referenced);
        assertThat(Set.copyOf(referenced)).hasSizeGreaterThan(40);
    }

    @Test
    void otherStreamsStartWherePreloadEnds() {
        List<SimRecord> records = run(SHOP);

        long customersEnd = 1767225600000L + 50;
        assertThat(records.get(50).timestamp()).isEqualTo(customersEnd);
    }

    @Test
    void referenceToUnknownStreamFailsAtLoad() {
        String scenario = SHOP.replace("stream = customers", "stream = custmers");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shop.conf:16: simulation.streams.orders.fields.customer.stream: unknown stream"
                        + " 'custmers'; did you mean 'customers'? Known: customers, orders");
    }

    @Test
    void referenceToUnknownFieldFailsAtLoad() {
        String scenario = SHOP.replace("stream = customers", "stream = customers, field = name");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shop.conf:16: simulation.streams.orders.fields.customer.field: unknown field"
                        + " 'name' in stream 'customers'; expected one of: customer_id");
    }

    @Test
    void unboundedPreloadIsRejected() {
        String scenario = SHOP.replace("count = 50\n", "");

        assertThatThrownBy(() -> SimulationSpec.parse(scenario, "shop.conf"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.customers.preload: a preloaded stream must end before the"
                        + " others start; give it a count or a duration");
    }

    private static List<SimRecord> run(String scenario) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(SimulationSpec.parse(scenario, "shop.conf"))
                .sink("main", sink)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        return sink.records();
    }
}
