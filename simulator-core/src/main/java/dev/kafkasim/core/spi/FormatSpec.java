package dev.kafkasim.core.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.RecordSchema;
import java.util.List;
import java.util.Objects;

/**
 * One stream's key or value format configuration, such as {@code format = json} or
 * {@code format { type = csv, delimiter = ";" }}, with the schema of the values it will encode.
 */
public final class FormatSpec extends PluginSpec {
    private final String stream;
    private final RecordSchema schema;
    private final boolean forKey;

    /**
     * Creates a view of a format block. Called by the engine and by plugin tests.
     *
     * @param stream the stream name
     * @param schema the field names of the stream's values
     * @param forKey whether the format encodes keys rather than values
     * @param path the full HOCON path of the block
     * @param config the block; {@code format = json} arrives as {@code { type = json }}
     * @param origin where the block was declared, or {@code null}
     * @param problems where problems are added
     */
    public FormatSpec(
            String stream,
            RecordSchema schema,
            boolean forKey,
            String path,
            Config config,
            ConfigOrigin origin,
            List<ConfigProblem> problems) {
        super(path, config, origin, problems);
        this.stream = Objects.requireNonNull(stream, "stream");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.forKey = forKey;
    }

    /** Returns the stream name. */
    public String stream() {
        return stream;
    }

    /** Returns the field names of the stream's values. */
    public RecordSchema schema() {
        return schema;
    }

    /** Returns whether the format encodes keys rather than values. */
    public boolean forKey() {
        return forKey;
    }
}
