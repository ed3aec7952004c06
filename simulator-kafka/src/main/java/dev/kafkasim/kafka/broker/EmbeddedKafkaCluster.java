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

    private final List<KafkaRaftServer> servers;
    private final List<Integer> ports;
    private final Path directory;
    private boolean closed;

    private EmbeddedKafkaCluster(List<KafkaRaftServer> servers, List<Integer> ports, Path directory) {
        this.servers = servers;
        this.ports = ports;
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
        List<Integer> brokerPorts =
                IntStream.range(0, nodes).mapToObj(i -> picked[2 * i]).toList();
        String voters = IntStream.range(0, nodes)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + picked[2 * i + 1])
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaRaftServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                servers.add(createNode(directory, i + 1, picked[2 * i], picked[2 * i + 1], voters, nodes, clusterId));
            }
            startAll(servers);
        } catch (RuntimeException e) {
            stopAll(servers);
            delete(directory);
            throw e instanceof KafkasimException kafkasim
                    ? kafkasim
                    : new KafkasimException(
                            "Starting an embedded Kafka cluster of " + nodes + " nodes failed: " + e, e);
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(servers, brokerPorts, directory);
        LOG.info("Embedded Kafka cluster of {} nodes started at {}", nodes, cluster.bootstrapServers());
        return cluster;
    }

    /** Returns the addresses of every node, such as {@code 127.0.0.1:40001,127.0.0.1:40003}. */
    public String bootstrapServers() {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** Returns the number of nodes. */
    public int size() {
        return servers.size();
    }

    /** Shuts every node down, waits until all have stopped and deletes their directories. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll(servers);
        delete(directory);
        LOG.info("Embedded Kafka cluster at {} stopped", bootstrapServers());
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster{bootstrapServers=" + bootstrapServers() + ", directory=" + directory + "}";
    }

    private static KafkaRaftServer createNode(
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
        return new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
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
    private static void startAll(List<KafkaRaftServer> servers) {
        try {
            onePerNode(servers, KafkaRaftServer::startup);
        } catch (CompletionException e) {
            throw new KafkasimException("Starting a node of the embedded Kafka cluster failed: " + e.getCause(), e);
        }
    }

    private static void stopAll(List<KafkaRaftServer> servers) {
        onePerNode(servers, server -> {
            server.shutdown();
            server.awaitShutdown();
        });
    }

    private static void onePerNode(List<KafkaRaftServer> servers, Consumer<KafkaRaftServer> action) {
        if (servers.isEmpty()) {
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(servers.size());
        try {
            List<CompletableFuture<Void>> actions = servers.stream()
                    .map(server -> CompletableFuture.runAsync(() -> action.accept(server), executor))
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
}
