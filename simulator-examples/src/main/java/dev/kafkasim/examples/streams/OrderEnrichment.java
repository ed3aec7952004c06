package dev.kafkasim.examples.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Orders enriched with customers: a stream-table join of orders with the latest record of their customer.
 *
 * <p>Reads customers keyed by customer id from {@link #CUSTOMERS} into a table, and orders keyed by the same
 * customer id from {@link #ORDERS}. Both topics must have the same number of partitions, because the join matches
 * keys within a partition. Writes each order to {@link #ENRICHED} as JSON with the order's {@code order_id} and
 * {@code total}, and the customer's {@code customer_id}, {@code name} and {@code tier}; an order whose customer is
 * not in the table yet keeps {@code name} and {@code tier} null, so that a miss is visible downstream.
 */
public final class OrderEnrichment {
    /** The input topic of customers. */
    public static final String CUSTOMERS = "shop.customers";

    /** The input topic of orders. */
    public static final String ORDERS = "shop.orders";

    /** The output topic of enriched orders. */
    public static final String ENRICHED = "shop.orders.enriched";

    /** Creates the application. */
    public OrderEnrichment() {}

    /** Builds the topology on the default topics {@link #CUSTOMERS}, {@link #ORDERS} and {@link #ENRICHED}. */
    public Topology topology() {
        return topology(CUSTOMERS, ORDERS, ENRICHED);
    }

    /**
     * Builds the topology on the given topics, which must have the same number of partitions.
     *
     * @param customers the input topic of customers
     * @param orders the input topic of orders
     * @param enriched the output topic of enriched orders
     */
    public Topology topology(String customers, String orders, String enriched) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> customerTable = builder.table(
                customers,
                Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("customers")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String()));
        builder.stream(orders, Consumed.with(Serdes.String(), Serdes.String()))
                .leftJoin(
                        customerTable,
                        OrderEnrichment::enrich,
                        Joined.with(Serdes.String(), Serdes.String(), Serdes.String()))
                .to(enriched, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static String enrich(String orderJson, String customerJson) {
        JsonNode order = Json.parse(orderJson);
        JsonNode customer = customerJson == null ? null : Json.parse(customerJson);
        ObjectNode enriched = Json.object();
        enriched.set("order_id", order.get("order_id"));
        enriched.set("customer_id", order.get("customer_id"));
        enriched.set("total", order.get("total"));
        enriched.set("name", customer == null ? null : customer.get("name"));
        enriched.set("tier", customer == null ? null : customer.get("tier"));
        return Json.write(enriched);
    }
}
