package dev.kafkasim.kafka.broker;

import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.kafka.broker.internal.BrokerProperties;
import dev.kafkasim.kafka.broker.internal.ExitGuard;
import dev.kafkasim.kafka.broker.internal.FreePorts;
import dev.kafkasim.kafka.broker.internal.StorageFormatter;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker running in this JVM: one node that is both broker and KRaft controller, listening on 127.0.0.1
 * only, with its logs in a new temporary directory that {@link #close()} deletes.
 *
 * <p>Internal topics use replication factor 1. Topics keep records forever and accept timestamps any distance from
 * the wall clock, because simulated event times may lie far in the past or the future. Both defaults can be
 * changed with {@link Builder#brokerProperty}.
 *
 * <p>Starting a broker installs a JVM-wide guard so that a fatal broker fault throws an exception instead of
 * halting the JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
 *     broker.createTopic("iot.sensors", 3);
 *     String bootstrapServers = broker.bootstrapServers();   // "127.0.0.1:PORT"
 * }
 * }</pre>
 *
 * <p>Needs the optional dependencies {@code org.apache.kafka:kafka_2.13}, {@code kafka-server},
 * {@code kafka-server-common} and {@code com.yammer.metrics:metrics-core} on the class path.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int START_ATTEMPTS = 5;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL_INTERVAL = Duration.ofMillis(20);

    private static EmbeddedKafkaBroker sharedBroker;

    private final KafkaRaftServer server;
    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final boolean shared;
    private Admin admin;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path directory, int port, int controllerPort, boolean shared) {
        this.server = server;
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.shared = shared;
    }

    /**
     * Starts a broker with the default properties.
     *
     * @return the running broker
     * @throws KafkasimException if the broker fails to start
     */
    public static EmbeddedKafkaBroker start() {
        return builder().start();
    }

    /**
     * Returns a builder for a broker with extra broker properties.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the broker shared by this JVM, starting it on the first call. A test suite that uses only this
     * broker pays for one start. The broker stops when the JVM exits; {@link #close()} on it does nothing.
     *
     * @return the shared broker
     * @throws KafkasimException if the broker fails to start
     */
    public static synchronized EmbeddedKafkaBroker shared() {
        if (sharedBroker == null) {
            EmbeddedKafkaBroker broker = new Builder().startBroker(true);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafkasim-shared-broker-stop"));
            sharedBroker = broker;
        }
        return sharedBroker;
    }

    /** Returns the address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Returns the port of the client listener on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the port of the controller listener on 127.0.0.1. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Returns the directory of the broker's logs, deleted by {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /**
     * Creates a topic with replication factor 1 and waits until every partition has a leader. A topic that exists
     * already is left as it is.
     *
     * @param name the topic name
     * @param partitions the number of partitions, at least 1
     * @throws KafkasimException if the topic cannot be created within 30 seconds
     */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(name), partitions);
    }

    /**
     * Creates topics with replication factor 1 and waits until every partition of each has a leader. Topics that
     * exist already are left as they are.
     *
     * @param names the topic names
     * @param partitions the number of partitions of each topic, at least 1
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     * @throws KafkasimException if the topics cannot be created within 30 seconds
     */
    public synchronized void createTopics(Collection<String> names, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
        }
        Set<String> topics = Set.copyOf(names);
        List<NewTopic> newTopics = topics.stream()
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .collect(Collectors.toList());
        try {
            for (var result : admin().createTopics(newTopics).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            awaitLeaders(topics);
            awaitLeadersServing(topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkasimException("Interrupted while creating topics " + topics, e);
        }
    }

    /**
     * Shuts the broker down, waits until it has stopped and deletes its directory. Does nothing on the
     * {@linkplain #shared() shared} broker, which stops when the JVM exits, or on a broker already closed.
     */
    @Override
    public void close() {
        if (shared) {
            LOG.debug("Ignoring close() of the shared embedded broker at {}", bootstrapServers());
            return;
        }
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        server.shutdown();
        server.awaitShutdown();
        deleteDirectory(directory);
        LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers());
    }

    private Admin admin() {
        if (closed) {
            throw new IllegalStateException("the embedded broker at " + bootstrapServers() + " is closed");
        }
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    private static void awaitCreated(String topic, org.apache.kafka.common.KafkaFuture<Void> future)
            throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkasimException("Creating topic '" + topic + "' failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private void awaitLeaders(Set<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (!allPartitionsHaveLeaders(topics)) {
            if (System.nanoTime() > deadline) {
                throw new KafkasimException("Topics " + topics + " have partitions without a leader after "
                        + TOPIC_TIMEOUT.toSeconds() + " s on the embedded broker at " + bootstrapServers());
            }
            Thread.sleep(LEADER_POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Waits until each leader serves requests. Only leaders respond to a request to list offsets, and the admin client
     * retries it until they are ready, so a producer's first batch is not refused with {@code NOT_LEADER_OR_FOLLOWER}.
     */
    private void awaitLeadersServing(Set<String> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        try {
            admin().describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .values()
                    .forEach(description -> description
                            .partitions()
                            .forEach(partition -> partitions.put(
                                    new TopicPartition(description.name(), partition.partition()),
                                    OffsetSpec.latest())));
            admin().listOffsets(partitions).all().get();
        } catch (ExecutionException e) {
            throw new KafkasimException(
                    "Waiting for the leaders of topics " + topics + " failed: " + e.getCause(), e.getCause());
        }
    }

    private boolean allPartitionsHaveLeaders(Set<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions =
                    admin().describeTopics(topics).allTopicNames().get();
            return descriptions.values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .map(TopicPartitionInfo::leader)
                    .allMatch(Objects::nonNull);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new KafkasimException("Describing topics " + topics + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void deleteDirectory(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded broker's directory {}", directory, e);
        }
    }

    /** Configures and starts an {@link EmbeddedKafkaBroker}. */
    public static final class Builder {
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets a broker property, replacing the default of the same name, such as
         * {@code brokerProperty("log.retention.ms", "604800000")}. The listeners are fixed to 127.0.0.1.
         *
         * @param name the property name
         * @param value the property value
         * @return this builder
         */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts the broker. Ports are picked free on 127.0.0.1, and start-up is retried on new ports when another
         * process took one of them first.
         *
         * @return the running broker
         * @throws KafkasimException if the broker fails to start
         */
        public EmbeddedKafkaBroker start() {
            return startBroker(false);
        }

        @Override
        public String toString() {
            return "EmbeddedKafkaBroker.Builder" + brokerProperties;
        }

        private EmbeddedKafkaBroker startBroker(boolean shared) {
            ExitGuard.install();
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce(shared);
                } catch (RuntimeException e) {
                    if (!isBindFailure(e) || attempt == START_ATTEMPTS) {
                        throw e instanceof KafkasimException kafkasim
                                ? kafkasim
                                : new KafkasimException("Starting the embedded Kafka broker failed: " + e, e);
                    }
                    LOG.info("Embedded broker port was taken, retrying on new ports (attempt {})", attempt + 1);
                }
            }
        }

        private EmbeddedKafkaBroker startOnce(boolean shared) {
            Path directory = createDirectory();
            int[] ports = FreePorts.pick(2);
            Map<String, String> properties =
                    BrokerProperties.of(directory.resolve("logs"), ports[0], ports[1], brokerProperties);
            KafkaRaftServer server = null;
            try {
                StorageFormatter.format(directory, properties, Uuid.randomUuid().toString());
                server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
                server.startup();
                LOG.info("Embedded Kafka broker started at 127.0.0.1:{} in {}", ports[0], directory);
                return new EmbeddedKafkaBroker(server, directory, ports[0], ports[1], shared);
            } catch (RuntimeException e) {
                if (server != null) {
                    server.shutdown();
                    server.awaitShutdown();
                }
                deleteDirectory(directory);
                throw e;
            }
        }

        private static Path createDirectory() {
            try {
                return Files.createTempDirectory("kafkasim-broker-");
            } catch (IOException e) {
                throw new KafkasimException("Creating a directory for the embedded broker failed: " + e, e);
            }
        }

        private static boolean isBindFailure(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    return true;
                }
            }
            return false;
        }
    }
}
