package dev.kafkasim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintSchemaTest {
    private static final String SCENARIO = """
            simulation.streams.sensors {
              key = device_id
              key-format = avro
              format { type = avro, namespace = com.example.iot }
              fields {
                device_id { type = pattern, format = "sensor-%04d", cardinality = 20 }
                reading { type = normal, mean = 20, stddev = 5 }
                note { type = nullable, fraction = 0.1, of { type = one-of, values = [a, b] } }
              }
            }
            simulation.streams.logs { format = json, fields { line { type = uuid } } }
            """;

    @TempDir
    Path directory;

    @Test
    void valueSchemaIsPrinted() throws IOException {
        CommandRunner.Result result = CommandRunner.run(scenario(), "--print-schema", "sensors");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        Schema schema = new Schema.Parser().parse(result.out());
        assertThat(schema.getFullName()).isEqualTo("com.example.iot.sensors");
        assertThat(schema.getField("reading").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(schema.getField("note").schema().toString()).isEqualTo("[\"null\",\"string\"]");
    }

    @Test
    void keySchemaIsPrinted() throws IOException {
        CommandRunner.Result result = CommandRunner.run(scenario(), "--print-schema", "sensors:key");

        assertThat(result.exitCode()).isZero();
        assertThat(new Schema.Parser().parse(result.out()).getType()).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void formatWithoutSchemaExitsWithTwo() throws IOException {
        CommandRunner.Result result = CommandRunner.run(scenario(), "--print-schema", "logs");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("kafkasim: stream 'logs' has format json, which has no schema; --print-schema applies to"
                        + " formats with one, such as avro" + System.lineSeparator());
    }

    @Test
    void unknownStreamExitsWithTwo() throws IOException {
        CommandRunner.Result result = CommandRunner.run(scenario(), "--print-schema", "sensor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("kafkasim: invalid value 'sensor' for --print-schema: the scenario has no stream 'sensor';"
                        + " its streams are sensors, logs");
    }

    @Test
    void invalidAvroFieldNamePointsAtFormatLine() throws IOException {
        Path file = Files.writeString(directory.resolve("named.conf"), """
                simulation.streams.sensors {
                  format = avro
                  fields { device-id { type = uuid } }
                }
                """);

        CommandRunner.Result result = CommandRunner.run(file.toString(), "--print-schema", "sensors");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("named.conf:2: simulation.streams.sensors.format: field 'device-id' of stream 'sensors' is"
                        + " not a valid Avro name");
    }

    private String scenario() throws IOException {
        return Files.writeString(directory.resolve("sensors.conf"), SCENARIO).toString();
    }
}
