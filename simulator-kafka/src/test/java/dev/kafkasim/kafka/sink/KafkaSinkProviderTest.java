package dev.kafkasim.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.spi.SinkProvider;
import dev.kafkasim.core.spi.SinkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KafkaSinkProviderTest {
    private final List<ConfigProblem> problems = new ArrayList<>();

    @Test
    void serviceLoaderFindsKafkaType() {
        List<String> types = ServiceLoader.load(SinkProvider.class).stream()
                .map(provider -> provider.get().type())
                .toList();

        assertThat(types).contains("kafka");
    }

    @Test
    void nestedProducerKeysAreFlattened() {
        KafkaSink sink = create("""
                bootstrap-servers = "127.0.0.1:9092"
                producer { acks = 1, linger.ms = 20, "batch.size" = 65536, compression.type = lz4 }
                """);

        assertThat(problems).isEmpty();
        assertThat(sink.producerProperties())
                .containsEntry("acks", "1")
                .containsEntry("linger.ms", "20")
                .containsEntry("batch.size", "65536")
                .containsEntry("compression.type", "lz4");
    }

    @Test
    void bootstrapServersListIsJoined() {
        KafkaSink sink = create("bootstrap-servers = [\"127.0.0.1:9092\", \"127.0.0.1:9093\"]");

        assertThat(problems).isEmpty();
        assertThat(sink.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093");
    }

    @Test
    void kafkasimHeadersKeyTurnsHeadersOff() {
        KafkaSink sink = create("bootstrap-servers = \"127.0.0.1:9092\"\nkafkasim-headers = false");

        assertThat(problems).isEmpty();
        assertThat(sink.toString()).contains("kafkasimHeaders=false");
    }

    @Test
    void missingBootstrapServersIsProblem() {
        create("partitions = 2");

        assertThat(problems)
                .extracting(ConfigProblem::path, ConfigProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "simulation.sinks.main.bootstrap-servers", "missing required key; expected a string"));
    }

    @Test
    void malformedBootstrapServersIsProblem() {
        create("bootstrap-servers = \"localhost\"");

        assertThat(problems)
                .extracting(ConfigProblem::message)
                .containsExactly(
                        "invalid value \"localhost\"; expected host:port addresses such as \"127.0.0.1:9092\"");
    }

    @Test
    void zeroPartitionsIsProblem() {
        create("bootstrap-servers = \"127.0.0.1:9092\"\npartitions = 0");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.sinks.main.partitions");
            assertThat(problem.message()).isEqualTo("invalid value 0; expected a whole number from 1 to 2147483647");
        });
    }

    @Test
    void serializerOverrideIsProblem() {
        create("bootstrap-servers = \"127.0.0.1:9092\"\nproducer.value.serializer = com.example.Json");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("simulation.sinks.main.producer.value.serializer");
            assertThat(problem.message()).startsWith("invalid value com.example.Json; expected no serializer");
        });
    }

    @Test
    void negativeCloseTimeoutIsProblem() {
        create("bootstrap-servers = \"127.0.0.1:9092\"\nclose-timeout = -1s");

        assertThat(problems)
                .extracting(ConfigProblem::message)
                .containsExactly("invalid value \"-1s\"; expected a duration of 0 or more");
    }

    @Test
    void unknownKeyIsProblem() {
        SinkSpec spec = spec("bootstrap-servers = \"127.0.0.1:9092\"\npartitons = 3");
        new KafkaSinkProvider().create(spec);

        spec.rejectUnknownKeys();

        assertThat(problems)
                .extracting(ConfigProblem::message)
                .singleElement()
                .asString()
                .startsWith("unknown key; did you mean 'partitions'?");
    }

    private KafkaSink create(String hocon) {
        return (KafkaSink) new KafkaSinkProvider().create(spec(hocon));
    }

    private SinkSpec spec(String hocon) {
        Config config = ConfigFactory.parseString(
                "type = kafka\n" + hocon,
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("test.conf"));
        return new SinkSpec("main", "simulation.sinks.main", config, config.origin(), problems);
    }
}
