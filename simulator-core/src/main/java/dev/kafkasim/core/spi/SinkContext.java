package dev.kafkasim.core.spi;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * What a sink is told when it opens: its name, the run it serves, the streams it receives and where to register
 * meters.
 */
public interface SinkContext {
    /** Returns the sink name from the configuration, such as {@code main}. */
    String sinkName();

    /** Returns the run id, unique per engine start, which sinks attach to records so verifiers can tell runs apart. */
    String runId();

    /** Returns the streams this sink receives, in declared order. */
    List<StreamBinding> streams();

    /**
     * Returns the binding of one stream.
     *
     * @param stream the stream name
     * @throws IllegalArgumentException if this sink does not receive that stream
     */
    StreamBinding stream(String stream);

    /** Returns the registry for the sink's own meters. */
    MeterRegistry meterRegistry();
}
