package dev.kafkasim.kafka.sink.internal;

import dev.kafkasim.core.KafkasimException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a sink writes to when they are missing, and warns about existing topics whose settings may
 * drop simulated records.
 */
public final class TopicPreparer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicPreparer.class);

    /**
     * Topic settings for simulated traffic. Time-based retention deletes segments whose newest timestamp is older
     * than {@code retention.ms}, so a virtual clock that starts months ago would see its records vanish; and since
     * Kafka 4.0 a broker rejects timestamps more than one hour ahead of its clock unless the topic raises
     * {@code message.timestamp.after.max.ms}.
     */
    public static final Map<String, String> SIMULATION_TOPIC_CONFIG = Map.of(
            TopicConfig.RETENTION_MS_CONFIG,
            "-1",
            TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
            Long.toString(Long.MAX_VALUE));

    private static final Duration METADATA_RETRY_INTERVAL = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final Map<String, String> producerProperties;
    private final Map<String, Object> adminProperties;
    private final Duration timeout;

    /**
     * Creates a preparer that connects with the admin-relevant subset of the producer's properties.
     *
     * @param producerProperties the producer's effective properties, bootstrap servers included
     * @param timeout how long each admin call may take
     */
    public TopicPreparer(Map<String, String> producerProperties, Duration timeout) {
        this.bootstrapServers = producerProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.producerProperties = Map.copyOf(producerProperties);
        this.adminProperties = new HashMap<>();
        Set<String> adminNames = AdminClientConfig.configNames();
        producerProperties.forEach((name, value) -> {
            if (adminNames.contains(name)) {
                adminProperties.put(name, value);
            }
        });
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    /**
     * Creates each missing topic, with the given settings on top of {@link #SIMULATION_TOPIC_CONFIG}.
     *
     * @param topics the topics the sink writes to
     * @param partitions the partitions of each new topic
     * @param replicationFactor the replication factor of each new topic
     * @param topicConfig topic settings that replace the defaults
     * @throws KafkasimException if the cluster cannot be reached within the timeout or refuses to create a topic
     */
    public void createMissing(
            Collection<String> topics, int partitions, short replicationFactor, Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(adminProperties)) {
            Set<String> existing = get(admin.listTopics(options()).names(), "listing topics");
            List<NewTopic> missing = new ArrayList<>();
            Set<String> present = new TreeSet<>();
            for (String topic : new TreeSet<>(topics)) {
                if (existing.contains(topic)) {
                    present.add(topic);
                } else {
                    missing.add(newTopic(topic, partitions, replicationFactor, topicConfig));
                }
            }
            create(admin, missing);
            awaitLeaders(admin, topics);
            warnAboutRetention(admin, present);
        }
    }

    /**
     * Waits until the leader of every partition serves requests. Right after a topic is created, the broker may
     * still reject a produce request with {@code NOT_LEADER_OR_FOLLOWER}. Seen with Kafka 4.4 in this module's
     * tests: when an idempotent producer's first batch was rejected that way and later batches succeeded, the
     * retried first batch failed with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until it expired. Only leaders respond
     * to a request to list offsets, and the admin client retries it until they are ready.
     */
    private void awaitLeaders(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> descriptions = describeCreated(admin, topics);
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions
                .values()
                .forEach(description -> description
                        .partitions()
                        .forEach(partition -> partitions.put(
                                new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
        ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs((int) timeout.toMillis());
        get(admin.listOffsets(partitions, options).all(), "waiting for the leaders of topics " + topics);
    }

    /**
     * Describes topics, retrying while a broker does not know a topic yet: a topic just created reaches each
     * broker's metadata cache a moment after creation returns, later still on a busy machine.
     */
    private Map<String, TopicDescription> describeCreated(Admin admin, Collection<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return get(admin.describeTopics(topics).allTopicNames(), "describing topics " + topics);
            } catch (KafkasimException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(METADATA_RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkasimException("Interrupted while waiting for topics at " + bootstrapServers, e);
        }
    }

    private static NewTopic newTopic(
            String topic, int partitions, short replicationFactor, Map<String, String> topicConfig) {
        Map<String, String> config = new HashMap<>(SIMULATION_TOPIC_CONFIG);
        config.putAll(topicConfig);
        return new NewTopic(topic, partitions, replicationFactor).configs(config);
    }

    private void create(Admin admin, List<NewTopic> missing) {
        if (missing.isEmpty()) {
            return;
        }
        CreateTopicsOptions options = new CreateTopicsOptions().timeoutMs((int) timeout.toMillis());
        admin.createTopics(missing, options).values().forEach((topic, future) -> {
            try {
                get(future, "creating topic '" + topic + "'");
                LOG.info("Created topic '{}' at {}", topic, bootstrapServers);
            } catch (KafkasimException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
    }

    /** Warns once per topic that time-based retention may delete records stamped with old event times. */
    private void warnAboutRetention(Admin admin, Set<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .toList();
        DescribeConfigsOptions options = new DescribeConfigsOptions().timeoutMs((int) timeout.toMillis());
        Map<ConfigResource, Config> configs;
        try {
            configs = get(admin.describeConfigs(resources, options).all(), "describing topics " + topics);
        } catch (KafkasimException e) {
            LOG.debug("Could not read the settings of existing topics {}", topics, e);
            return;
        }
        configs.forEach((resource, config) -> {
            ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
            if (retention != null && !"-1".equals(retention.value())) {
                LOG.warn(
                        "Topic '{}' exists with retention.ms={}: records whose event time is older than that are"
                                + " deleted at the next retention check and look lost to a verifier; start the"
                                + " clock later or raise the topic's retention.ms",
                        resource.name(),
                        retention.value());
            }
        });
    }

    private ListTopicsOptions options() {
        return new ListTopicsOptions().timeoutMs((int) timeout.toMillis());
    }

    private <T> T get(KafkaFuture<T> future, String action) {
        try {
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkasimException("Interrupted while " + action + " at " + bootstrapServers, e);
        } catch (ExecutionException e) {
            throw failure(action, e.getCause());
        } catch (TimeoutException e) {
            throw failure(action, e);
        }
    }

    private KafkasimException failure(String action, Throwable cause) {
        boolean timedOut =
                cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        String message = timedOut
                ? "Timed out after " + timeout.toMillis() + " ms " + action + " at bootstrap-servers "
                        + bootstrapServers + "; check that the cluster is running and reachable at that address"
                : "Failed " + action + " at bootstrap-servers " + bootstrapServers + ": "
                        + SecretMasking.scrub(cause.getMessage(), producerProperties);
        return new KafkasimException(message, cause);
    }
}
