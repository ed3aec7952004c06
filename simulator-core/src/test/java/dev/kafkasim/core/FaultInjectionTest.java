package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final int RECORDS = 100_000;

    @Test
    void fractionsHoldOverLargeSamples() {
        Run run = run("""
                faults {
                  late { fraction = 0.02, max-delay = 10s }
                  duplicate.fraction = 0.01
                  null-key.fraction = 0.03
                  null-field.fraction = 0.05
                }
                """);

        Map<String, Long> counts = run.records.stream()
                .filter(r -> r.fault() != null)
                .collect(Collectors.groupingBy(SimRecord::fault, Collectors.counting()));
        assertWithinFourSigma(counts.get("late"), 0.02);
        assertWithinFourSigma(counts.get("duplicate"), 0.01);
        assertWithinFourSigma(counts.get("null-key"), 0.03);
        assertWithinFourSigma(counts.get("null-field"), 0.05);
        assertThat(run.stats.stream("s").faults()).isEqualTo(counts);
    }

    @Test
    void lateDelaysStayWithinMaximum() {
        Run run = run("faults.late { fraction = 0.1, max-delay = 2s }");

        for (SimRecord record : run.records) {
            long scheduled = START + record.sequence() * 10;
            long delay = scheduled - record.timestamp();
            if ("late".equals(record.fault())) {
                assertThat(delay).isBetween(1L, 2000L);
            } else {
                assertThat(delay).isZero();
            }
        }
    }

    @Test
    void lateSplitsAtGracePeriod() {
        Run run = run("faults.late { grace = 1s, within-grace = 0.05, beyond-grace = 0.05, max-delay = 5s }");

        long within = 0;
        long beyond = 0;
        for (SimRecord record : run.records) {
            long delay = START + record.sequence() * 10 - record.timestamp();
            if ("late-within-grace".equals(record.fault())) {
                within++;
                assertThat(delay).isBetween(1L, 1000L);
            } else if ("late-beyond-grace".equals(record.fault())) {
                beyond++;
                assertThat(delay).isBetween(1001L, 5000L);
            }
        }
        assertWithinFourSigma(within, 0.05);
        assertWithinFourSigma(beyond, 0.05);
    }

    @Test
    void outOfOrderRecordsArriveLaterWithinWindow() {
        Run run = run("faults.out-of-order { fraction = 0.05, window = 500ms }");

        assertThat(run.records).hasSize(RECORDS);
        assertThat(run.records.stream().map(SimRecord::sequence).collect(Collectors.toSet()))
                .hasSize(RECORDS);
        long maxSeen = Long.MIN_VALUE;
        long reordered = 0;
        for (SimRecord record : run.records) {
            // Records still held when the stream ends are sent last, with no later record to follow.
            boolean tail = record.sequence() >= RECORDS - 100;
            if ("out-of-order".equals(record.fault()) && !tail) {
                assertThat(record.timestamp()).isEqualTo(START + record.sequence() * 10);
                // Released after the first record sent past a point within the window; records held in a row
                // push that a few 10 ms gaps further.
                assertThat(maxSeen - record.timestamp()).isBetween(1L, 600L);
                reordered++;
            }
            if ("out-of-order".equals(record.fault()) && tail) {
                reordered++;
            }
            maxSeen = Math.max(maxSeen, record.timestamp());
        }
        assertWithinFourSigma(reordered, 0.05);
        assertThat(run.stats.generated()).isEqualTo(RECORDS);
        assertThat(run.stats.acknowledged()).isEqualTo(RECORDS);
    }

    @Test
    void duplicatesRepeatKeyValueAndSequence() {
        Run run = run("faults.duplicate.fraction = 0.02");

        for (int i = 1; i < run.records.size(); i++) {
            SimRecord record = run.records.get(i);
            if ("duplicate".equals(record.fault())) {
                SimRecord original = run.records.get(i - 1);
                assertThat(record.sequence()).isEqualTo(original.sequence());
                assertThat(record.key()).isEqualTo(original.key());
                assertThat(record.value()).isEqualTo(original.value());
            }
        }
        long duplicates = run.stats.stream("s").faults().get("duplicate");
        assertThat(run.records).hasSize(RECORDS + (int) duplicates);
        assertThat(run.stats.generated()).isEqualTo(RECORDS + duplicates);
        assertThat(run.stats.acknowledged()).isEqualTo(run.stats.generated());
    }

    @Test
    void tombstonesUseKeysSentBefore() {
        Run run = run("faults.tombstone.fraction = 0.05");

        Set<Object> sent = new HashSet<>();
        long tombstones = 0;
        for (SimRecord record : run.records) {
            if ("tombstone".equals(record.fault())) {
                tombstones++;
                assertThat(record.value()).isNull();
                assertThat(sent).contains(record.key());
            } else {
                sent.add(record.key());
            }
        }
        assertWithinFourSigma(tombstones, 0.05);
    }

    @Test
    void nullFieldClearsOneField() {
        Run run = run("faults.null-field.fraction = 0.05");

        for (SimRecord record : run.records) {
            long nulls = record.recordValue().toMap().values().stream()
                    .filter(v -> v == null)
                    .count();
            assertThat(nulls).isEqualTo("null-field".equals(record.fault()) ? 1 : 0);
        }
    }

    @Test
    void poisonKindsBreakPayloads() {
        Run run = run("faults.poison { fraction = 0.05, oversize-bytes = 2KiB }");

        Set<String> kinds = new HashSet<>();
        for (SimRecord record : run.records) {
            if (record.fault() == null) {
                continue;
            }
            kinds.add(record.fault());
            switch (record.fault()) {
                case "poison-invalid-json" -> assertThat(text(record)).endsWith(",,}");
                case "poison-truncated" ->
                    assertThat(((byte[]) record.value()).length)
                            .isEqualTo(record.recordValue() == null ? ((byte[]) record.value()).length : -1);
                case "poison-wrong-type" ->
                    assertThat(record.recordValue().toMap()).containsValue("not-a-number");
                case "poison-random-bytes" ->
                    assertThat(((byte[]) record.value()).length).isBetween(16, 127);
                case "poison-oversize" ->
                    assertThat(((byte[]) record.value()).length).isEqualTo(2048);
                default -> throw new AssertionError("unexpected fault " + record.fault());
            }
        }
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "poison-invalid-json",
                        "poison-truncated",
                        "poison-wrong-type",
                        "poison-random-bytes",
                        "poison-oversize");
    }

    @Test
    void faultsLeaveFieldValuesUnchanged() {
        Run clean = run("");
        Run faulty = run("faults { late { fraction = 0.1, max-delay = 1s }, null-key.fraction = 0.1 }");

        assertThat(faulty.records)
                .extracting(SimRecord::value)
                .isEqualTo(clean.records.stream().map(SimRecord::value).toList());
    }

    @Test
    void sameSeedInjectsSameFaults() {
        String faults = "faults { late { fraction = 0.1, max-delay = 1s }, duplicate.fraction = 0.05 }";

        assertThat(run(faults).records).isEqualTo(run(faults).records);
    }

    @Test
    void fractionsAboveOneAreRejected() {
        assertThatThrownBy(() -> spec("faults { duplicate.fraction = 0.7, null-key.fraction = 0.6 }"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("simulation.streams.s.faults: the fault fractions add up to 1.2999999999999998;"
                        + " a record receives at most one fault, so their sum must be at most 1");
    }

    @Test
    void badFaultParametersAreRejected() {
        assertThatThrownBy(() -> spec("faults { late { fraction = 1.5 }, poison.kinds = [gibberish], dupe = {} }"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .extracting(ConfigProblem::render)
                        .contains(
                                "faults.conf:5: simulation.streams.s.faults.late.fraction: invalid value 1.5;"
                                        + " expected a fraction from 0 to 1, such as 0.01",
                                "faults.conf:5: simulation.streams.s.faults.poison.kinds: invalid value 'gibberish';"
                                        + " expected poison kinds from invalid-json, truncated, wrong-type,"
                                        + " random-bytes, oversize")
                        .anyMatch(p -> p.contains(
                                "simulation.streams.s.faults.dupe: unknown key; did you mean" + " 'duplicate'?")));
    }

    private static final long START = 1767225600000L;

    private static void assertWithinFourSigma(Long count, double fraction) {
        double expected = RECORDS * fraction;
        double sigma = Math.sqrt(RECORDS * fraction * (1 - fraction));
        assertThat(count).isNotNull();
        assertThat((double) count).isBetween(expected - 4 * sigma, expected + 4 * sigma);
    }

    private static String text(SimRecord record) {
        return new String((byte[]) record.value(), StandardCharsets.UTF_8);
    }

    private static SimulationSpec spec(String faults) {
        return SimulationSpec.parse(String.format("""
                        simulation {
                          seed = 11
                          start-time = "2026-01-01T00:00:00Z"
                          streams.s { rate = 100/s, count = %d, key = id
                            %s
                            fields {
                              id { type = counter }
                              reading { type = gaussian, mean = 5, stddev = 1 }
                            }
                          }
                        }
                        """, RECORDS, faults), "faults.conf");
    }

    private static Run run(String faults) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec(faults)).sink("main", sink).build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
            return new Run(sink.records(), engine.stats());
        }
    }

    private record Run(List<SimRecord> records, EngineStats stats) {}
}
