package dev.kafkasim.kafka.sink.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Merges the sink's producer defaults with the properties a user set. */
public final class ProducerDefaults {
    /** How long {@code send} and metadata requests block, such as on an unreachable cluster: 10 seconds. */
    public static final long MAX_BLOCK_MS = 10_000;

    /** How long a request waits for a broker's response: 15 seconds. */
    public static final long REQUEST_TIMEOUT_MS = 15_000;

    /** How long a record may take from send to acknowledgement, retries included: 30 seconds. */
    public static final long DELIVERY_TIMEOUT_MS = 30_000;

    /** Kafka 4's default {@code linger.ms}. */
    private static final long KAFKA_LINGER_MS = 5;

    private ProducerDefaults() {}

    /**
     * Returns the properties the producer is created with: the user's, plus defaults for what they left unset.
     *
     * <p>Idempotence is on with {@code acks=all}, unless the user chose settings that exclude it ({@code acks} other
     * than {@code all}, {@code retries=0}, or more than 5 requests in flight): then it is left to Kafka, which turns
     * it off. Timeouts are bounded so that an unreachable cluster fails within seconds, not minutes.
     *
     * @param bootstrapServers the cluster's addresses
     * @param user the properties the user set
     * @return a new map of every property to pass to the producer
     */
    public static Map<String, String> effective(String bootstrapServers, Map<String, String> user) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        if (idempotenceCompatible(user)) {
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        }
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(MAX_BLOCK_MS));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT_MS));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeoutMs(user)));
        properties.putAll(user);
        return properties;
    }

    private static boolean idempotenceCompatible(Map<String, String> user) {
        String acks = user.get(ProducerConfig.ACKS_CONFIG);
        boolean allAcks =
                acks == null || acks.trim().equals("all") || acks.trim().equals("-1");
        boolean retries = !"0".equals(trimmed(user.get(ProducerConfig.RETRIES_CONFIG)));
        long inFlight = parse(user.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 5);
        return allAcks && retries && inFlight <= 5;
    }

    /** Kafka rejects a delivery timeout shorter than {@code linger.ms} plus {@code request.timeout.ms}. */
    private static long deliveryTimeoutMs(Map<String, String> user) {
        long linger = parse(user.get(ProducerConfig.LINGER_MS_CONFIG), KAFKA_LINGER_MS);
        long requestTimeout = parse(user.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), REQUEST_TIMEOUT_MS);
        return Math.max(DELIVERY_TIMEOUT_MS, linger + requestTimeout);
    }

    private static long parse(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback; // The producer reports the invalid value itself.
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
