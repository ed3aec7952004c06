package dev.kafkasim.core.spi;

/**
 * Creates field generators of one type. Found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.kafkasim.core.spi.GeneratorProvider}.
 *
 * <p>Example of the configuration it serves: {@code humidity { type = normal, mean = 55, stddev = 8 }}.
 */
public interface GeneratorProvider {
    /** Returns the type name used in configuration, such as {@code normal}: lower case, words joined by dashes. */
    String type();

    /**
     * Creates a generator from its configuration, reading and validating every parameter it accepts. Invalid
     * parameters are recorded on the spec (see {@link PluginSpec}); the returned generator is then discarded.
     *
     * @param spec the field's generator block
     * @return the generator, never {@code null}
     */
    FieldGenerator create(GeneratorSpec spec);

    /** Returns a one-line description for {@code --list-generators}, or an empty string. */
    default String description() {
        return "";
    }
}
