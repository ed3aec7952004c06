package dev.kafkasim.kafka.testing;

import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.SimHeader;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.spi.SinkContext;
import dev.kafkasim.core.spi.StreamBinding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Streams, records and sink contexts built by hand, for tests of sinks without the engine. */
public final class TestStreams {
    /** The field names of every test stream's values. */
    public static final RecordSchema SCHEMA = RecordSchema.of("id", "reading");

    private TestStreams() {}

    /** Returns a binding that encodes keys as decimal text and values as {@code id=..,reading=..} text. */
    public static StreamBinding binding(String stream, String topic) {
        return new StreamBinding(
                stream, topic, SCHEMA, "id", key -> String.valueOf(key).getBytes(StandardCharsets.UTF_8), value -> {
                    RecordValue record = (RecordValue) value;
                    String text = "id=" + record.get("id") + ",reading=" + record.get("reading");
                    return text.getBytes(StandardCharsets.UTF_8);
                });
    }

    /** Returns record {@code sequence} of a binding's stream, keyed by its sequence number. */
    public static SimRecord record(StreamBinding binding, long sequence, long timestamp) {
        RecordValue value = RecordValue.of(SCHEMA, new Object[] {sequence, 20.5});
        return new SimRecord(
                binding.stream(), binding.topic(), null, sequence, value, List.of(), timestamp, sequence, null);
    }

    /** Returns a record with a value, user headers and a fault chosen by the caller. */
    public static SimRecord record(
            StreamBinding binding, long sequence, Object value, List<SimHeader> headers, String fault) {
        return new SimRecord(
                binding.stream(), binding.topic(), null, sequence, value, headers, 1_000L + sequence, sequence, fault);
    }

    /** Returns a context for a sink named {@code main} that receives the given streams. */
    public static SinkContext context(String runId, StreamBinding... bindings) {
        return new Context(runId, List.of(bindings), new SimpleMeterRegistry());
    }

    private record Context(String runId, List<StreamBinding> streams, MeterRegistry meterRegistry)
            implements SinkContext {
        @Override
        public String sinkName() {
            return "main";
        }

        @Override
        public StreamBinding stream(String stream) {
            return streams.stream()
                    .filter(binding -> binding.stream().equals(stream))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no stream " + stream));
        }
    }
}
