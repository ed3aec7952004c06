package dev.kafkasim.generators.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * State kept per entity, keyed by the record key ({@link dev.kafkasim.core.spi.GenerationContext#key()}). Records
 * without a key share one state. Each generator instance owns its own map, confined to the stream's thread.
 *
 * <p>NOTE: entries are never evicted, so memory grows with the number of distinct keys a run produces.
 *
 * @param <S> the state of one entity
 */
public final class KeyedState<S> {
    private final Map<Object, S> states = new HashMap<>();

    /** Returns the state of a key, or {@code null} when the key has none yet. */
    public S get(Object key) {
        return states.get(key);
    }

    /** Sets the state of a key. */
    public void put(Object key, S state) {
        states.put(key, state);
    }

    /** Returns the state of a key, creating it with {@code initial} on the key's first use. */
    public S getOrCreate(Object key, Supplier<S> initial) {
        S state = states.get(key);
        if (state == null) {
            state = initial.get();
            states.put(key, state);
        }
        return state;
    }

    /** Returns the number of keys that have a state. */
    public int size() {
        return states.size();
    }
}
