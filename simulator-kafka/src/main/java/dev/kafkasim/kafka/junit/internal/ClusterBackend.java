package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.kafka.broker.EmbeddedKafkaCluster;

/** An embedded cluster of several nodes, started for one class. */
final class ClusterBackend implements KafkaBackend {
    private final EmbeddedKafkaCluster cluster;

    private ClusterBackend(EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
    }

    static ClusterBackend start(int nodes) {
        return new ClusterBackend(EmbeddedKafkaCluster.start(nodes));
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded cluster of " + cluster.size() + " nodes at " + bootstrapServers();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
