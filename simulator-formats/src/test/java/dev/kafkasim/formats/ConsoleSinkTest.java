package dev.kafkasim.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.formats.internal.ConsoleSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesOneJsonLinePerRecord() throws Exception {
        List<JsonNode> lines = run("");

        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(fieldNames(first))
                .containsExactly("stream", "topic", "key", "value", "headers", "timestamp", "fault");
        assertThat(first.get("stream").asText()).isEqualTo("readings");
        assertThat(first.get("topic").asText()).isEqualTo("iot.readings");
        assertThat(first.get("key").asText()).isEqualTo("r-1");
        assertThat(first.get("value").get("id").asText()).isEqualTo("r-1");
        assertThat(first.get("value").get("level").asLong()).isEqualTo(7);
        assertThat(first.get("headers").size()).isZero();
        assertThat(first.get("timestamp").asLong()).isEqualTo(1767225600000L);
        assertThat(first.get("fault").isNull()).isTrue();
        assertThat(lines.get(1).get("timestamp").asLong()).isEqualTo(1767225600100L);
    }

    @Test
    void marksFaultsAndTombstones() throws Exception {
        List<JsonNode> lines = run("faults.tombstone.fraction = 1.0");

        JsonNode tombstone = lines.get(1);
        assertThat(tombstone.get("fault").asText()).isEqualTo("tombstone");
        assertThat(tombstone.get("value").isNull()).isTrue();
        assertThat(tombstone.get("key").asText()).isEqualTo("r-1");
    }

    private static List<JsonNode> run(String faults) throws Exception {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  start-time = "2026-01-01T00:00:00Z"
                  streams.readings {
                    topic = iot.readings
                    rate = 10/s
                    count = 3
                    key = id
                    %s
                    fields {
                      id { type = fixed, value = "r-1" }
                      level { type = fixed, value = 7 }
                    }
                  }
                }
                """.formatted(faults), "console.conf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(spec)
                .sink("out", new ConsoleSink(bytes))
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(line)
                    .as("each line is one JSON object from its first character")
                    .startsWith("{");
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
