package dev.kafkasim.generators.testkit;

import dev.kafkasim.core.spi.GenerationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A {@link GenerationContext} that a test controls: a random source seeded by the test, and a sequence number,
 * event time, key and earlier fields that the test sets before each call.
 *
 * <p>{@link #advance()} moves to the next record: it increments the sequence, adds the event-time step and clears
 * the earlier fields.
 */
public final class TestGenerationContext implements GenerationContext {
    /** The event time of the first record, 2026-01-01T00:00:00Z, in epoch milliseconds. */
    public static final long START_TIME = 1_767_225_600_000L;

    private final SplittableRandom random;
    private final Map<String, Object> fields = new HashMap<>();
    private String stream = "test";
    private long sequence;
    private long eventTime = START_TIME;
    private long eventTimeStep = 1000;
    private Object key;

    /**
     * Creates a context whose random source is seeded with {@code seed}.
     *
     * @param seed the seed of {@link #random()}
     */
    public TestGenerationContext(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public String stream() {
        return stream;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long eventTime() {
        return eventTime;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public Object field(String name) {
        return fields.get(name);
    }

    /** Sets the stream name, and returns this context. */
    public TestGenerationContext stream(String name) {
        this.stream = name;
        return this;
    }

    /** Sets the sequence number, and returns this context. */
    public TestGenerationContext sequence(long value) {
        this.sequence = value;
        return this;
    }

    /** Sets the event time in epoch milliseconds, and returns this context. */
    public TestGenerationContext eventTime(long epochMillis) {
        this.eventTime = epochMillis;
        return this;
    }

    /** Sets how far {@link #advance()} moves event time, in milliseconds, and returns this context. */
    public TestGenerationContext eventTimeStep(long millis) {
        this.eventTimeStep = millis;
        return this;
    }

    /** Sets the record key, or {@code null} for none, and returns this context. */
    public TestGenerationContext key(Object value) {
        this.key = value;
        return this;
    }

    /** Sets the value of an earlier field of the record, and returns this context. */
    public TestGenerationContext field(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Moves to the next record: increments the sequence, adds the event-time step, clears the fields. */
    public TestGenerationContext advance() {
        sequence++;
        eventTime += eventTimeStep;
        fields.clear();
        return this;
    }
}
