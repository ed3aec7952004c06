package dev.kafkasim.examples.streams;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A Kafka Streams application running against a broker, with its output read back. Every update is forwarded at
 * once (no record cache) and committed every 100 ms, so that the output contains one record per update, as the
 * {@code TopologyTestDriver} gives.
 */
final class StreamsOnBroker implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final String applicationId;
    private final String bootstrapServers;
    private final Admin admin;

    private StreamsOnBroker(KafkaStreams streams, String applicationId, String bootstrapServers) {
        this.streams = streams;
        this.applicationId = applicationId;
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Starts the application under a new application id, reading its input topics from the beginning. */
    static StreamsOnBroker start(Topology topology, String bootstrapServers, String name) {
        String applicationId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Properties properties = StreamsTesting.properties(applicationId, bootstrapServers);
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.start();
        return new StreamsOnBroker(streams, applicationId, bootstrapServers);
    }

    /**
     * Waits until the application has committed the end offset of every partition of its input topics. A commit
     * flushes the application's producer first, so every output of those records is on the broker by then.
     */
    void awaitProcessed(String... inputTopics) {
        Map<TopicPartition, Long> ends = endOffsets(List.of(inputTopics));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .failFast("the application failed", () -> streams.state() == KafkaStreams.State.ERROR)
                .until(() -> committedOffsets(ends.keySet()).equals(ends));
    }

    /** Reads every record of a topic up to its current end, in partition order. */
    List<TestRecord<String, String>> readAll(String topic) {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        List<TestRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(new TestRecord<>(record));
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        return records;
    }

    /** Stops the application and deletes its local state. */
    @Override
    public void close() {
        admin.close();
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request =
                    admin.describeTopics(topics).allTopicNames().get().values().stream()
                            .flatMap(description -> description.partitions().stream()
                                    .map(partition -> new TopicPartition(description.name(), partition.partition())))
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> offsets =
                    admin.listOffsets(request).all().get();
            return offsets.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topics, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed to read the end offsets of " + topics, e.getCause());
        }
    }

    private Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get();
        return partitions.stream()
                .collect(Collectors.toMap(
                        partition -> partition,
                        partition -> committed.get(partition) == null
                                ? -1L
                                : committed.get(partition).offset()));
    }
}
