package dev.kafkasim.formats.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkasim.core.KafkasimException;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SendCallback;
import dev.kafkasim.core.spi.Sink;
import dev.kafkasim.core.spi.SinkContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes one JSON line per record to an output stream and acknowledges it once written. Used by the driver
 * thread only; the stream is buffered and flushed on {@link #flush()} and {@link #close()}.
 */
public final class ConsoleSink implements Sink {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final OutputStream out;
    private JsonGenerator generator;

    /**
     * Creates a sink that writes to a stream, which it flushes but never closes.
     *
     * @param target where the lines go, usually {@code System.out}
     */
    public ConsoleSink(OutputStream target) {
        this.out = new BufferedOutputStream(target, 1 << 16);
    }

    @Override
    public void open(SinkContext context) {
        try {
            generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            // The sink writes the line break itself, so Jackson's space between root values would start each
            // line after the first with a space.
            generator.setRootValueSeparator(null);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        } catch (IOException e) {
            throw new KafkasimException("Opening the console sink failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(SimRecord record, SendCallback callback) {
        try {
            writeLine(record);
        } catch (IOException | RuntimeException e) {
            callback.onCompletion(record, e);
            return;
        }
        callback.onCompletion(record, null);
    }

    private void writeLine(SimRecord record) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("stream", record.stream());
        generator.writeStringField("topic", record.topic());
        if (record.partition() != null) {
            generator.writeNumberField("partition", record.partition());
        }
        generator.writeFieldName("key");
        JsonValueWriter.write(generator, record.key(), record.stream(), null);
        generator.writeFieldName("value");
        JsonValueWriter.write(generator, record.value(), record.stream(), null);
        generator.writeObjectFieldStart("headers");
        for (SimHeader header : record.headers()) {
            generator.writeStringField(header.name(), header.value());
        }
        generator.writeEndObject();
        generator.writeNumberField("timestamp", record.timestamp());
        generator.writeStringField("fault", record.fault());
        generator.writeEndObject();
        generator.flush();
        out.write('\n');
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Flushing the console sink failed", e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
