package dev.kafkasim.kafka.junit.internal;

/** A cluster that runs outside the test and is neither started nor stopped by it. */
record ExternalBackend(String bootstrapServers, String source) implements KafkaBackend {
    @Override
    public String description() {
        return "cluster at " + bootstrapServers + " (from " + source + ")";
    }

    @Override
    public void close() {
        // The cluster outlives the test.
    }
}
