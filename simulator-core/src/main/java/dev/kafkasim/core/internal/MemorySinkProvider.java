package dev.kafkasim.core.internal;

import dev.kafkasim.core.Sinks;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;

/**
 * Provides the {@code memory} sink type, which keeps records in memory and acknowledges them at once. To read the
 * records, give the engine an {@link dev.kafkasim.core.InMemorySink} in code instead.
 */
public final class MemorySinkProvider implements SinkProvider {
    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Sink create(SinkSpec spec) {
        return Sinks.inMemory();
    }
}
