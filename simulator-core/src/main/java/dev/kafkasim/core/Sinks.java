package dev.kafkasim.core;

/** Static factories for the sinks built into the core. */
public final class Sinks {
    private Sinks() {}

    /** Returns a new sink that keeps every record in memory and acknowledges it at once. */
    public static InMemorySink inMemory() {
        return new InMemorySink();
    }
}
