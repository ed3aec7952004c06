package dev.kafkasim.kafka.junit.internal;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The state a test class shares: its settings, cluster, admin client and actual topic names.
 *
 * @param settings the class's annotation, checked
 * @param backend the cluster
 * @param admin a client of the cluster
 * @param topicSuffix the suffix of every topic name of the class, or {@code null} when names stay as declared
 * @param topicNames actual topic names by declared topic name and by stream name of the class's scenario
 * @param resources what the class opened, closed after its tests
 */
record ClassState(
        Settings settings,
        KafkaBackend backend,
        Admin admin,
        String topicSuffix,
        Map<String, String> topicNames,
        Resources resources)
        implements AutoCloseable {

    /** Returns the actual topic of a declared topic or stream, or {@code null} if neither is known. */
    String topicName(String topicOrStream) {
        return topicNames.get(topicOrStream);
    }

    /** Returns the actual name of a topic as a scenario declares it. */
    String actualTopic(String declared) {
        return topicSuffix == null ? declared : declared + "-" + topicSuffix;
    }

    @Override
    public void close() {
        resources.close();
    }
}
