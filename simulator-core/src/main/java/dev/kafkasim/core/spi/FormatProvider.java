package dev.kafkasim.core.spi;

/**
 * Creates encoders of one format. Found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.kafkasim.core.spi.FormatProvider}.
 */
public interface FormatProvider {
    /** Returns the format name used in configuration, such as {@code json}. */
    String type();

    /**
     * Creates an encoder for one stream's keys or values.
     *
     * @param spec the format block and the stream's schema
     * @return the encoder, never {@code null}
     */
    RecordEncoder create(FormatSpec spec);
}
