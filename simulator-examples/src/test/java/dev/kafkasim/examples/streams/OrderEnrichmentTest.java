package dev.kafkasim.examples.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.junit.BootstrapServers;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Topic;
import dev.kafkasim.kafka.junit.TopicName;
import dev.kafkasim.kafka.streams.TopologyTestDriverSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the shop scenario, whose customers are preloaded before any order, through the enrichment application, once
 * through {@code TopologyTestDriver} and once on the embedded broker with two partitions per topic. Both paths
 * check that every order the scenario emitted comes out once, joined with the customer the scenario sent for it.
 */
@KafkaSimTest(
        scenario = "classpath:scenarios/shop-customers.conf",
        overrides = OrderEnrichmentTest.OVERRIDES,
        uniqueTopics = true,
        topics = {
            @Topic(stream = "customers", partitions = 2),
            @Topic(stream = "orders", partitions = 2),
            @Topic(name = OrderEnrichment.ENRICHED, partitions = 2)
        })
class OrderEnrichmentTest {
    /** 50 customers, then 300 orders that reference them. */
    static final String OVERRIDES = """
            simulation {
              streams.customers.count = 50
              streams.orders.count = 300
            }
            """;

    @TopicName("customers")
    String customersTopic;

    @TopicName("orders")
    String ordersTopic;

    @TopicName(OrderEnrichment.ENRICHED)
    String enrichedTopic;

    @Test
    void driverEnrichesEveryOrder(SimulatorEngine engine) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        List<TestRecord<String, String>> enriched;

        try (TopologyTestDriver driver = StreamsTesting.driver(
                new OrderEnrichment().topology(customersTopic, ordersTopic, enrichedTopic), "order-enrichment")) {
            StreamsTesting.run(engine.spec(), TopologyTestDriverSink.of(driver));
            enriched = StreamsTesting.output(driver, enrichedTopic);
        }

        assertThat(enriched(enriched))
                .allSatisfy((orderId, order) -> assertThat(order.name())
                        .as("customer name of order %d", orderId)
                        .isNotNull());
        assertThat(enriched(enriched)).isEqualTo(expected(emitted));
    }

    @Test
    void brokerEnrichesEveryOrder(SimulatorEngine engine, @BootstrapServers String bootstrapServers) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        List<TestRecord<String, String>> enriched;

        StreamsTesting.run(engine);
        try (StreamsOnBroker app = StreamsOnBroker.start(
                new OrderEnrichment().topology(customersTopic, ordersTopic, enrichedTopic),
                bootstrapServers,
                "order-enrichment")) {
            app.awaitProcessed(customersTopic, ordersTopic);
            enriched = app.readAll(enrichedTopic);
        }

        assertThat(enriched(enriched))
                .allSatisfy((orderId, order) -> assertThat(order.name())
                        .as("customer name of order %d", orderId)
                        .isNotNull());
        assertThat(enriched(enriched)).isEqualTo(expected(emitted));
    }

    /**
     * An enriched order as the test compares it.
     *
     * @param orderId the order number
     * @param customerId the customer id, the key of both input topics
     * @param total the order total
     * @param name the customer's name, or {@code null} when the join found no customer
     * @param tier the customer's tier, or {@code null} when the join found no customer
     */
    record Enriched(long orderId, String customerId, double total, String name, String tier) {}

    /** Returns the orders the scenario emitted, each with the last customer record emitted for its key. */
    private static Map<Long, Enriched> expected(List<SimRecord> emitted) {
        Map<Object, RecordValue> customers = new HashMap<>();
        Map<Long, Enriched> orders = new TreeMap<>();
        for (SimRecord record : emitted) {
            RecordValue value = record.recordValue();
            if (record.stream().equals("customers")) {
                customers.put(record.key(), value);
                continue;
            }
            RecordValue customer = customers.get(record.key());
            long orderId = ((Number) value.get("order_id")).longValue();
            Enriched order = new Enriched(
                    orderId,
                    (String) value.get("customer_id"),
                    ((Number) value.get("total")).doubleValue(),
                    customer == null ? null : (String) customer.get("name"),
                    customer == null ? null : (String) customer.get("tier"));
            assertThat(orders.put(orderId, order))
                    .as("order %d emitted twice", orderId)
                    .isNull();
        }
        return orders;
    }

    /** Returns the output by order number, failing on an order written twice. */
    private static Map<Long, Enriched> enriched(List<TestRecord<String, String>> records) {
        Map<Long, Enriched> orders = new TreeMap<>();
        for (TestRecord<String, String> record : records) {
            JsonNode json = StreamsTesting.json(record.value());
            long orderId = json.get("order_id").asLong();
            Enriched order = new Enriched(
                    orderId,
                    json.get("customer_id").asText(),
                    json.get("total").asDouble(),
                    json.get("name").isNull() ? null : json.get("name").asText(),
                    json.get("tier").isNull() ? null : json.get("tier").asText());
            assertThat(orders.put(orderId, order))
                    .as("order %d written twice", orderId)
                    .isNull();
        }
        return orders;
    }
}
