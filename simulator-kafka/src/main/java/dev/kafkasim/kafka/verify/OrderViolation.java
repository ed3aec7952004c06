package dev.kafkasim.kafka.verify;

/**
 * A record that arrived after a record of the same key and partition with a higher sequence number.
 *
 * @param key the record key as UTF-8 text
 * @param partition the partition it was read from
 * @param sequence its sequence number
 * @param previousSequence the highest sequence number read before it for that key in that partition
 */
public record OrderViolation(String key, int partition, long sequence, long previousSequence) {
    @Override
    public String toString() {
        return "key '" + key + "' partition " + partition + ": " + sequence + " after " + previousSequence;
    }
}
