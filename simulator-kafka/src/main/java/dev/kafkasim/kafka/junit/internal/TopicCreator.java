package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.core.KafkasimException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates topics through an admin client and waits until every partition's leader serves requests. */
final class TopicCreator {
    /**
     * Simulated event times may lie far in the past or ahead of the broker's clock, so created topics keep records
     * forever and accept any timestamp, as the Kafka sink's topics do.
     */
    private static final Map<String, String> TOPIC_CONFIG =
            Map.of("retention.ms", "-1", "message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private TopicCreator() {}

    /** A topic to create: its actual name, partitions and replication factor (0 for the broker's default). */
    record Request(String name, int partitions, int replicationFactor) {}

    /**
     * Creates the topics that do not exist and checks the partition count of those that do.
     *
     * @throws KafkasimException if creation fails, an existing topic has another partition count, or leaders are not
     *     elected within 30 seconds
     */
    static void create(Admin admin, Collection<Request> requests, String cluster) {
        if (requests.isEmpty()) {
            return;
        }
        Set<String> names = requests.stream().map(Request::name).collect(Collectors.toSet());
        try {
            List<NewTopic> topics =
                    requests.stream().map(TopicCreator::newTopic).toList();
            for (Map.Entry<String, KafkaFuture<Void>> result :
                    admin.createTopics(topics).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue(), cluster);
            }
            awaitLeaders(admin, names, cluster);
            checkPartitions(admin, requests, cluster);
            awaitLeadersServing(admin, names, cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkasimException("Interrupted while creating topics " + names + " on the " + cluster, e);
        }
    }

    private static NewTopic newTopic(Request request) {
        Optional<Short> replication =
                request.replicationFactor() == 0 ? Optional.empty() : Optional.of((short) request.replicationFactor());
        return new NewTopic(request.name(), Optional.of(request.partitions()), replication).configs(TOPIC_CONFIG);
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> future, String cluster)
            throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkasimException(
                        "Creating topic '" + topic + "' on the " + cluster + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static void awaitLeaders(Admin admin, Set<String> topics, String cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!allPartitionsHaveLeaders(admin, topics, cluster)) {
            if (System.nanoTime() > deadline) {
                throw new KafkasimException("Topics " + topics + " still have partitions without a leader after "
                        + TIMEOUT.toSeconds() + " s on the " + cluster);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean allPartitionsHaveLeaders(Admin admin, Set<String> topics, String cluster)
            throws InterruptedException {
        try {
            return describe(admin, topics).values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .map(TopicPartitionInfo::leader)
                    .allMatch(Objects::nonNull);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new KafkasimException(
                    "Describing topics " + topics + " on the " + cluster + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** A topic created earlier, such as by another class on a shared broker, must have the requested partitions. */
    private static void checkPartitions(Admin admin, Collection<Request> requests, String cluster)
            throws InterruptedException {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = describe(admin, requests.stream().map(Request::name).toList());
        } catch (ExecutionException e) {
            throw new KafkasimException("Describing topics on the " + cluster + " failed: " + e.getCause(), e);
        }
        for (Request request : requests) {
            int actual = descriptions.get(request.name()).partitions().size();
            if (actual != request.partitions()) {
                throw new KafkasimException("Topic '" + request.name() + "' exists on the " + cluster + " with "
                        + actual + " partitions, but the test declares " + request.partitions()
                        + "; another test class created it first. Use @KafkaSimTest(uniqueTopics = true) or another"
                        + " topic name");
            }
        }
    }

    /**
     * Only leaders respond to a request to list offsets, and the admin client retries it until they do, so a producer's
     * first batch is not rejected with {@code NOT_LEADER_OR_FOLLOWER}.
     */
    private static void awaitLeadersServing(Admin admin, Set<String> topics, String cluster)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        try {
            for (TopicDescription description : describe(admin, topics).values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                }
            }
            admin.listOffsets(partitions).all().get();
        } catch (ExecutionException e) {
            throw new KafkasimException(
                    "Waiting for the leaders of topics " + topics + " on the " + cluster + " failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        return admin.describeTopics(topics).allTopicNames().get();
    }
}
