package dev.kafkasim.core.spi;

/**
 * Creates sinks of one type. Found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.kafkasim.core.spi.SinkProvider}.
 */
public interface SinkProvider {
    /** Returns the type name used in configuration, such as {@code kafka}. */
    String type();

    /**
     * Creates a sink from its configuration, reading and validating every parameter it accepts. Nothing is
     * connected until {@link Sink#open}.
     *
     * @param spec the sink's block
     * @return the sink, never {@code null}
     */
    Sink create(SinkSpec spec);
}
