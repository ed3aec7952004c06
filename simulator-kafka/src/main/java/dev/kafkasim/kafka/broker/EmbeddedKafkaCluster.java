package dev.kafkasim.kafka.broker;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.kafka.broker.internal.BrokerProperties;
import dev.kafkasim.kafka.broker.internal.ExitGuard;
import dev.kafkasim.kafka.broker.internal.FreePorts;
import dev.kafkasim.kafka.broker.internal.StorageFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several Kafka nodes running in this JVM, each both broker and KRaft controller, listening on 127.0.0.1 only.
 * Topics default to replication factor {@code min(3, nodes)} with {@code min.insync.replicas} one less, so that
 * a test can stop a node and keep producing with {@code acks=all}.
 *
 * <p>A node can be {@linkplain #stopNode(int) stopped} and {@linkplain #restartNode(int) restarted} in place, on
 * the same ports and with the same data, while the others keep serving.
 *
 * <p>Nodes use short heartbeat and session timeouts and no controlled shutdown, so that closing the cluster takes
 * seconds rather than minutes; closing still waits for Raft's fixed shutdown timeout of several seconds, so share
 * one cluster per test class.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3)) {
 *     String bootstrapServers = cluster.bootstrapServers();   // "127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3"
 * }
 * }</pre>
 *
 * <p>Needs the same optional dependencies as {@link EmbeddedKafkaBroker}.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    private final List<Node> nodes;
    private final Path directory;
    private boolean closed;

    private EmbeddedKafkaCluster(List<Node> nodes, Path directory) {
        this.nodes = nodes;
        this.directory = directory;
    }

    /**
     * Starts a cluster and waits until its controller quorum has formed.
     *
     * @param nodes the number of nodes, from 1 to 9
     * @return the running cluster
     * @throws IllegalArgumentException if {@code nodes} is out of range
     * @throws KafkasimException if a node fails to start
     */
    public static EmbeddedKafkaCluster start(int nodes) {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("nodes must be from 1 to 9 but was " + nodes);
        }
        ExitGuard.install();
        Path directory = createDirectory();
        int[] picked = FreePorts.pick(2 * nodes);
        String voters = IntStream.range(0, nodes)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + picked[2 * i + 1])
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<Node> created = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                created.add(createNode(directory, i + 1, picked[2 * i], picked[2 * i + 1], voters, nodes, clusterId));
            }
            startAll(created);
        } catch (RuntimeException e) {
            stopAll(created);
            delete(directory);
            throw e instanceof KafkasimException kafkasim
                    ? kafkasim
                    : new KafkasimException(
                            "Starting an embedded Kafka cluster of " + nodes + " nodes failed: " + e, e);
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(created, directory);
        LOG.info("Embedded Kafka cluster of {} nodes started at {}", nodes, cluster.bootstrapServers());
        return cluster;
    }

    /** Returns the addresses of every node, such as {@code 127.0.0.1:40001,127.0.0.1:40003}. */
    public String bootstrapServers() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port).collect(Collectors.joining(","));
    }

    /** Returns the number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** Returns the ports of every node's client and controller listeners on 127.0.0.1. */
    public List<Integer> listenerPorts() {
        List<Integer> ports = new ArrayList<>();
        nodes.forEach(node -> {
            ports.add(node.port);
            ports.add(node.controllerPort);
        });
        return ports;
    }

    /**
     * Returns whether a node is running.
     *
     * @param nodeId the node id, from 1 to {@link #size()}
     * @throws IllegalArgumentException if there is no such node
     */
    public synchronized boolean isRunning(int nodeId) {
        return node(nodeId).server != null;
    }

    /**
     * Shuts one node down and waits until it has stopped, keeping its ports and data for
     * {@link #restartNode(int)}. The other nodes go on serving; partitions it led move to another replica after
     * about a second and a half. Does nothing on a node already stopped.
     *
     * @param nodeId the node id, from 1 to {@link #size()}
     * @throws IllegalArgumentException if there is no such node
     * @throws IllegalStateException if the cluster is closed
     */
    public synchronized void stopNode(int nodeId) {
        Node node = openNode(nodeId);
        if (node.server == null) {
            return;
        }
        node.stop();
        LOG.info("Node {} of the embedded Kafka cluster at {} stopped", nodeId, bootstrapServers());
    }

    /**
     * Starts a stopped node again on the same ports and with the same data, stopping it first if it runs. The new
     * instance starts only after the old one has shut down completely, because two instances on one log directory
     * damage it.
     *
     * @param nodeId the node id, from 1 to {@link #size()}
     * @throws IllegalArgumentException if there is no such node
     * @throws IllegalStateException if the cluster is closed
     * @throws KafkasimException if the node fails to start, for example because another process took its port
     */
    public synchronized void restartNode(int nodeId) {
        Node node = openNode(nodeId);
        if (node.server != null) {
            node.stop();
        }
        node.start();
        LOG.info("Node {} of the embedded Kafka cluster at {} restarted", nodeId, bootstrapServers());
    }

    /** Shuts every node down, waits until all have stopped and deletes their directories. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll(nodes);
        delete(directory);
        LOG.info("Embedded Kafka cluster at {} stopped", bootstrapServers());
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster{bootstrapServers=" + bootstrapServers() + ", directory=" + directory + "}";
    }

    private Node node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("node id must be from 1 to " + nodes.size() + " but was " + nodeId);
        }
        return nodes.get(nodeId - 1);
    }

    private Node openNode(int nodeId) {
        Node node = node(nodeId);
        if (closed) {
            throw new IllegalStateException("the embedded cluster at " + bootstrapServers() + " is closed");
        }
        return node;
    }

    private static Node createNode(
            Path root, int nodeId, int port, int controllerPort, String voters, int nodes, String clusterId) {
        Path nodeDirectory = root.resolve("node-" + nodeId);
        try {
            Files.createDirectories(nodeDirectory);
        } catch (IOException e) {
            throw new KafkasimException("Creating the directory of embedded node " + nodeId + " failed: " + e, e);
        }
        Map<String, String> properties =
                BrokerProperties.of(nodeDirectory.resolve("logs"), port, controllerPort, Map.of());
        properties.put("node.id", Integer.toString(nodeId));
        properties.put("controller.quorum.voters", voters);
        putReplication(properties, Math.min(3, nodes));
        // Short sessions let a restarted or stopped node be noticed in about a second, not after 9 s.
        properties.put("broker.heartbeat.interval.ms", "200");
        properties.put("broker.session.timeout.ms", "1500");
        properties.put("controlled.shutdown.enable", "false");
        StorageFormatter.format(nodeDirectory, properties, clusterId);
        return new Node(nodeId, port, controllerPort, properties);
    }

    private static void putReplication(Map<String, String> properties, int replicas) {
        String factor = Integer.toString(replicas);
        String minInSync = Integer.toString(Math.max(1, replicas - 1));
        properties.put("default.replication.factor", factor);
        properties.put("min.insync.replicas", minInSync);
        properties.put("offsets.topic.replication.factor", factor);
        properties.put("transaction.state.log.replication.factor", factor);
        properties.put("transaction.state.log.min.isr", minInSync);
        properties.put("share.coordinator.state.topic.replication.factor", factor);
        properties.put("share.coordinator.state.topic.min.isr", minInSync);
    }

    /**
     * Starts the nodes on one thread each, because each node's start-up blocks until the controller quorum has
     * formed.
     */
    private static void startAll(List<Node> nodes) {
        try {
            onePerNode(nodes, Node::start);
        } catch (CompletionException e) {
            throw new KafkasimException("Starting a node of the embedded Kafka cluster failed: " + e.getCause(), e);
        }
    }

    private static void stopAll(List<Node> nodes) {
        onePerNode(nodes, Node::stop);
    }

    private static void onePerNode(List<Node> nodes, Consumer<Node> action) {
        if (nodes.isEmpty()) {
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(nodes.size());
        try {
            List<CompletableFuture<Void>> actions = nodes.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node), executor))
                    .toList();
            CompletableFuture.allOf(actions.toArray(CompletableFuture[]::new)).join();
        } finally {
            executor.shutdown();
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("kafkasim-cluster-");
        } catch (IOException e) {
            throw new KafkasimException("Creating a directory for the embedded cluster failed: " + e, e);
        }
    }

    private static void delete(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded cluster's directory {}", directory, e);
        }
    }

    /** One node: its fixed ports and properties, and its server while it runs. */
    private static final class Node {
        private final int nodeId;
        private final int port;
        private final int controllerPort;
        private final Map<String, String> properties;
        private KafkaRaftServer server;

        Node(int nodeId, int port, int controllerPort, Map<String, String> properties) {
            this.nodeId = nodeId;
            this.port = port;
            this.controllerPort = controllerPort;
            this.properties = Map.copyOf(properties);
        }

        /** Starts a new server from the node's properties; its directory is formatted already. */
        void start() {
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            try {
                started.startup();
            } catch (RuntimeException e) {
                started.shutdown();
                started.awaitShutdown();
                throw new KafkasimException(
                        "Starting node " + nodeId + " of the embedded Kafka cluster on" + " 127.0.0.1:" + port
                                + " failed: " + e,
                        e);
            }
            server = started;
        }

        /** Shuts the server down and returns once it has stopped; does nothing if it is not running. */
        void stop() {
            KafkaRaftServer running = server;
            if (running == null) {
                return;
            }
            running.shutdown();
            running.awaitShutdown();
            server = null;
        }
    }
}
