package dev.kafkasim.kafka.broker.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the properties of one combined broker and controller node listening on 127.0.0.1. */
public final class BrokerProperties {
    /** The node id of the single node. */
    public static final int NODE_ID = 1;

    private BrokerProperties() {}

    /**
     * Returns the node's properties: the loopback listeners, the log directory, internal topics at replication
     * factor 1, and topic defaults suited to simulated traffic. Entries in {@code overrides} replace the defaults.
     *
     * @param logDirectory where the node keeps its logs and metadata
     * @param brokerPort the port of the client listener
     * @param controllerPort the port of the controller listener
     * @param overrides broker properties set by the caller
     * @return the properties, in a new mutable map
     */
    public static Map<String, String> of(
            Path logDirectory, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put(
                "listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        putInternalTopicDefaults(properties);
        putTopicDefaults(properties);
        properties.putAll(overrides);
        return properties;
    }

    /**
     * Adds a listener named {@code SASL} with the {@code SASL_PLAINTEXT} protocol and the {@code PLAIN} mechanism
     * on 127.0.0.1, accepting the given users. Brokers and controllers keep talking over the plaintext listeners.
     *
     * @param properties the node's properties from {@link #of}, changed in place
     * @param saslPort the port of the new listener
     * @param users passwords by user name, neither containing a quote or a backslash
     */
    public static void addSaslPlainListener(Map<String, String> properties, int saslPort, Map<String, String> users) {
        String address = "SASL://127.0.0.1:" + saslPort;
        properties.put("listeners", properties.get("listeners") + "," + address);
        properties.put("advertised.listeners", properties.get("advertised.listeners") + "," + address);
        properties.put(
                "listener.security.protocol.map",
                properties.get("listener.security.protocol.map") + ",SASL:SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((name, password) -> jaas.append(" user_")
                .append(name)
                .append("=\"")
                .append(password)
                .append('"'));
        properties.put(
                "listener.name.sasl.plain.sasl.jaas.config", jaas.append(';').toString());
    }

    /**
     * Sets one replica and one partition for internal topics, because one node holds one replica and few partitions
     * make the first group join fast.
     */
    private static void putInternalTopicDefaults(Map<String, String> properties) {
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
    }

    /**
     * Simulated traffic may carry event times far in the past (deleted at once by time-based retention) or more
     * than an hour ahead of the wall clock (rejected by Kafka 4 by default). Topics therefore keep records forever and
     * accept any timestamp.
     */
    private static void putTopicDefaults(Map<String, String> properties) {
        properties.put("num.partitions", "1");
        properties.put("log.retention.ms", "-1");
        properties.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
    }
}
