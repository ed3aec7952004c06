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
 * <p>A broker can be {@linkplain #stop() stopped} and {@linkplain #restart() restarted} in place, on the same ports
 * and with the same data, to test how clients ride out an outage. {@link Builder#saslPlainUser} adds a
 * {@code SASL_PLAINTEXT} listener for tests of authentication.
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
    private static final int RESTART_ATTEMPTS = 20;
    private static final Duration RESTART_RETRY_INTERVAL = Duration.ofMillis(250);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL_INTERVAL = Duration.ofMillis(20);

    private static EmbeddedKafkaBroker sharedBroker;

    private final Map<String, String> properties;
    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private final boolean shared;
    private KafkaRaftServer server;
    private Admin admin;
    private boolean running = true;
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, Map<String, String> properties, Path directory, int[] ports, boolean shared) {
        this.server = server;
        this.properties = Map.copyOf(properties);
        this.directory = directory;
        this.port = ports[0];
        this.controllerPort = ports[1];
        this.saslPort = ports.length > 2 ? ports[2] : -1;
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
            Runtime.getRuntime().addShutdownHook(new Thread(broker::shutDownAndDelete, "kafkasim-shared-broker-stop"));
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

    /**
     * Returns the address of the {@code SASL_PLAINTEXT} listener, {@code 127.0.0.1:PORT}, where clients
     * authenticate with {@code sasl.mechanism=PLAIN} as one of the {@linkplain Builder#saslPlainUser users}.
     *
     * @throws IllegalStateException if the broker was built without SASL users
     */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException(
                    "the embedded broker at " + bootstrapServers() + " has no SASL listener; add one with"
                            + " EmbeddedKafkaBroker.builder().saslPlainUser(name, password)");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** Returns the ports of every listener on 127.0.0.1: clients, controller and, if configured, SASL. */
    public List<Integer> listenerPorts() {
        return saslPort < 0 ? List.of(port, controllerPort) : List.of(port, controllerPort, saslPort);
    }

    /** Returns whether the broker is running: started and neither stopped nor closed. */
    public synchronized boolean isRunning() {
        return running;
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
     * Shuts the broker down and waits until it has stopped, keeping its ports and data for {@link #restart()}.
     * Clients see the broker as unreachable until then. Does nothing on a broker already stopped.
     *
     * @throws IllegalStateException on the {@linkplain #shared() shared} broker, which other tests use, or on a
     *     closed broker
     */
    public synchronized void stop() {
        requireOwnOpenBroker("stop()");
        if (!running) {
            return;
        }
        shutDownServer();
        LOG.info("Embedded Kafka broker at {} stopped; restart() starts it again", bootstrapServers());
    }

    /**
     * Starts the broker again after {@link #stop()}, on the same ports and with the same data, stopping it first
     * if it runs. The new instance starts only after the old one has shut down completely, because two instances
     * on one log directory damage it. Start-up is retried for a few seconds while another socket still uses a
     * port.
     *
     * @throws IllegalStateException on the {@linkplain #shared() shared} broker or on a closed broker
     * @throws KafkasimException if the broker fails to start, for example because another process took its port
     */
    public synchronized void restart() {
        requireOwnOpenBroker("restart()");
        if (running) {
            shutDownServer();
        }
        server = startInPlace();
        running = true;
        LOG.info("Embedded Kafka broker at {} restarted", bootstrapServers());
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
        shutDownAndDelete();
    }

    private synchronized void shutDownAndDelete() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (running) {
            shutDownServer();
        }
        deleteDirectory(directory);
        LOG.info("Embedded Kafka broker at {} closed", bootstrapServers());
    }

    private void shutDownServer() {
        server.shutdown();
        server.awaitShutdown();
        running = false;
    }

    private KafkaRaftServer startInPlace() {
        for (int attempt = 1; ; attempt++) {
            KafkaRaftServer restarted = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            try {
                restarted.startup();
                return restarted;
            } catch (RuntimeException e) {
                restarted.shutdown();
                restarted.awaitShutdown();
                if (!Builder.isBindFailure(e) || attempt == RESTART_ATTEMPTS) {
                    throw new KafkasimException(
                            "Restarting the embedded Kafka broker at " + bootstrapServers() + " failed: " + e, e);
                }
                LOG.info("A port of the embedded broker at {} is still taken; retrying", bootstrapServers());
                pause(RESTART_RETRY_INTERVAL);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkasimException("Interrupted while restarting the embedded broker", e);
        }
    }

    private void requireOwnOpenBroker(String operation) {
        if (shared) {
            throw new IllegalStateException(operation + " is not allowed on the shared embedded broker, which other"
                    + " tests use; start a broker of your own with EmbeddedKafkaBroker.start()");
        }
        if (closed) {
            throw new IllegalStateException("the embedded broker at " + bootstrapServers() + " is closed");
        }
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
        private final Map<String, String> saslUsers = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a user of a {@code SASL_PLAINTEXT} listener with the {@code PLAIN} mechanism, on a third port of
         * 127.0.0.1 given by {@link EmbeddedKafkaBroker#saslBootstrapServers()}. The plaintext listener stays
         * open. Clients set {@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=PLAIN} and a
         * {@code sasl.jaas.config} with the {@code PlainLoginModule}, this user name and password.
         *
         * @param name the user name, without quotes or backslashes
         * @param password the user's password, without quotes or backslashes
         * @return this builder
         * @throws IllegalArgumentException if the name or password contains a quote or a backslash
         */
        public Builder saslPlainUser(String name, String password) {
            saslUsers.put(jaasValue("name", name), jaasValue("password", password));
            return this;
        }

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
            return "EmbeddedKafkaBroker.Builder{brokerProperties=" + brokerProperties + ", saslUsers="
                    + saslUsers.keySet() + "}";
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
            int[] ports = FreePorts.pick(saslUsers.isEmpty() ? 2 : 3);
            Map<String, String> properties =
                    BrokerProperties.of(directory.resolve("logs"), ports[0], ports[1], Map.of());
            if (!saslUsers.isEmpty()) {
                BrokerProperties.addSaslPlainListener(properties, ports[2], saslUsers);
            }
            properties.putAll(brokerProperties);
            KafkaRaftServer server = null;
            try {
                StorageFormatter.format(directory, properties, Uuid.randomUuid().toString());
                server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
                server.startup();
                LOG.info("Embedded Kafka broker started at 127.0.0.1:{} in {}", ports[0], directory);
                return new EmbeddedKafkaBroker(server, properties, directory, ports, shared);
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

        private static String jaasValue(String what, String value) {
            Objects.requireNonNull(value, what);
            if (value.contains("\"") || value.contains("\\")) {
                throw new IllegalArgumentException("the SASL user's " + what + " must not contain a quote or a"
                        + " backslash, because it is written into a JAAS configuration");
            }
            return value;
        }

        static boolean isBindFailure(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    return true;
                }
            }
            return false;
        }
    }
}
