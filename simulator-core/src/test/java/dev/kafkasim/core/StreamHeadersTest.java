package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamHeadersTest {
    private static final String FIELDS =
            "fields {\n id { type = counter }\n reading { type = gaussian, mean = 5, stddev = 1 }\n}";

    @Test
    void staticAndGeneratedHeadersArriveInOrder() {
        List<SimRecord> records = run("""
                headers {
                  tenant = acme
                  attempt = 3
                  "trace.id" { type = gaussian, mean = 0, stddev = 1 }
                  sequence { type = counter }
                  empty = null
                }
                """);

        assertThat(records).hasSize(50);
        for (SimRecord record : records) {
            List<SimHeader> headers = record.headers();
            assertThat(headers)
                    .extracting(SimHeader::name)
                    .containsExactly("tenant", "attempt", "trace.id", "sequence", "empty");
            assertThat(headers.get(0).value()).isEqualTo("acme");
            assertThat(headers.get(1).value()).isEqualTo("3");
            assertThat(Double.parseDouble(headers.get(2).value())).isFinite();
            assertThat(headers.get(3).value()).isEqualTo(Long.toString(record.sequence()));
            assertThat(headers.get(4).value()).isNull();
        }
    }

    @Test
    void sameSeedGivesSameHeaders() {
        String headers = "headers { noise { type = gaussian, mean = 0, stddev = 1 } }";

        List<List<SimHeader>> first =
                run(headers).stream().map(SimRecord::headers).toList();
        List<List<SimHeader>> second =
                run(headers).stream().map(SimRecord::headers).toList();

        assertThat(second).isEqualTo(first);
        assertThat(first.stream().map(h -> h.get(0).value()).distinct()).hasSizeGreaterThan(40);
    }

    @Test
    void generatedHeadersLeaveFieldValuesUnchanged() {
        List<Object> without = run("").stream().map(SimRecord::value).toList();

        List<Object> with = run("headers { noise { type = gaussian, mean = 0, stddev = 1 } }").stream()
                .map(SimRecord::value)
                .toList();

        assertThat(with).isEqualTo(without);
    }

    @Test
    void builderAddsHeaders() {
        SimulationSpec spec = SimulationSpec.builder().stream(
                        "s",
                        stream -> stream.count(3)
                                .field("id", "counter")
                                .header("tenant", "acme")
                                .header("noise", "gaussian", Map.of("mean", 0, "stddev", 1)))
                .build();

        List<HeaderSpec> headers = spec.streams().get("s").headers();

        assertThat(headers).extracting(HeaderSpec::name).containsExactly("tenant", "noise");
        assertThat(headers.get(0).value()).isEqualTo("acme");
        assertThat(headers.get(1).generated()).isTrue();
    }

    @Test
    void kafkasimHeaderNamesAreRejected() {
        assertThatThrownBy(() -> spec("headers { \"kafkasim.seq\" = 1 }"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("headers.conf:5: simulation.streams.s.headers.kafkasim.seq: invalid header name"
                        + " 'kafkasim.seq'; names starting with kafkasim. are kept for the headers kafkasim adds"
                        + " (kafkasim.stream, kafkasim.seq, kafkasim.sent-at, kafkasim.run, kafkasim.fault), so"
                        + " choose another name");
    }

    @Test
    void invalidHeaderValuesAreRejected() {
        assertThatThrownBy(() -> spec("headers {\n tags = [a, b]\n noise { type = gausian }\n"
                        + " level { type = gaussian, mean = 0, stddv = 1 }\n}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("headers.conf:6: simulation.streams.s.headers.tags: invalid value [\"a\",\"b\"];"
                        + " expected a text such as \"eu-west\", or a generator block such as { type = uuid }")
                .hasMessageContaining("headers.conf:7: simulation.streams.s.headers.noise.type:")
                .hasMessageContaining("did you mean 'gaussian'?")
                .hasMessageContaining("headers.conf:8: simulation.streams.s.headers.level.stddv: unknown key");
    }

    @Test
    void unknownStreamKeyStillRejected() {
        assertThatThrownBy(() -> spec("header { tenant = acme }"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.s.header: unknown key; did you mean 'headers'?");
    }

    private static SimulationSpec spec(String headers) {
        return SimulationSpec.parse(String.format("""
                        simulation {
                          seed = 3
                          streams.s {
                            count = 50, key = id
                            %s
                            %s
                          }
                        }
                        """, headers, FIELDS), "headers.conf");
    }

    private static List<SimRecord> run(String headers) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec(headers)).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            return sink.records();
        }
    }
}
