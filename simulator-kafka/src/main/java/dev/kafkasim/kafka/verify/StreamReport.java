package dev.kafkasim.kafka.verify;

import java.util.List;
import java.util.Objects;

/**
 * The verifier's findings for one stream.
 *
 * @param stream the stream name
 * @param expected how many records the stream was expected to deliver, with sequence numbers {@code 0} to
 *     {@code expected - 1}; 0 for a stream the caller did not name
 * @param consumed how many records of the stream and run were read, duplicates included
 * @param missing how many sequence numbers below {@code expected} were never read
 * @param duplicates how many records repeated a sequence number read before
 * @param firstMissing the lowest missing sequence numbers, at most {@value DeliveryReport#LISTED_SEQUENCES}
 * @param firstDuplicates the first repeated sequence numbers in reading order, at most
 *     {@value DeliveryReport#LISTED_SEQUENCES}
 */
public record StreamReport(
        String stream,
        long expected,
        long consumed,
        long missing,
        long duplicates,
        List<Long> firstMissing,
        List<Long> firstDuplicates) {

    /**
     * Creates a report, copying the lists.
     *
     * @throws NullPointerException if the stream name or a list is null
     */
    public StreamReport {
        Objects.requireNonNull(stream, "stream");
        firstMissing = List.copyOf(firstMissing);
        firstDuplicates = List.copyOf(firstDuplicates);
    }
}
