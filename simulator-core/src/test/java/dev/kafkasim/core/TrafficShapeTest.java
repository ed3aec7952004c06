package dev.kafkasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficShapeTest {

    private static final long START = 1767225600000L;

    @Test
    void rampCountsPerSecondFollowRamp() {
        List<SimRecord> records = run("rate { type = ramp, from = 100/s, to = 1100/s, over = 10s }, duration = 12s");

        long[] perSecond = countsPerSecond(records, 12);
        for (int second = 0; second < 10; second++) {
            double expected = 100 + 1000 * (second + 0.5) / 10;
            assertThat((double) perSecond[second]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(perSecond[10]).isEqualTo(1100);
        assertThat(perSecond[11]).isEqualTo(1100);
    }

    @Test
    void stepsHoldEachRate() {
        List<SimRecord> records =
                run("rate { type = steps, steps = [{ rate = 10/s, duration = 2s }, { rate = 50/s, duration = 1s }] },"
                        + " duration = 4s");

        assertThat(countsPerSecond(records, 4)).containsExactly(10, 10, 50, 50);
    }

    @Test
    void repeatingStepsStartAgain() {
        List<SimRecord> records = run("rate { type = steps, repeat = true, steps = [{ rate = 10/s, duration = 1s },"
                + " { rate = 30/s, duration = 1s }] }, duration = 4s");

        assertThat(countsPerSecond(records, 4)).containsExactly(10, 30, 10, 30);
    }

    @Test
    void burstsPeakAtStartOfEachPeriod() {
        List<SimRecord> records =
                run("rate { type = bursts, base = 10/s, peak = 200/s, period = 2s, burst = 1s }, duration = 6s");

        assertThat(countsPerSecond(records, 6)).containsExactly(200, 10, 200, 10, 200, 10);
    }

    @Test
    void sineFollowsCycle() {
        List<SimRecord> records =
                run("rate { type = sine, mean = 1000/s, amplitude = 800/s, period = 40s }, duration = 40s");

        long[] perSecond = countsPerSecond(records, 40);
        for (int second = 0; second < 40; second++) {
            double mid = second + 0.5;
            double expected = 1000 + 800 * Math.sin(2 * Math.PI * mid / 40);
            assertThat((double) perSecond[second]).isCloseTo(expected, org.assertj.core.data.Offset.offset(4.0));
        }
        // The inverse of the sine's cumulative count is found numerically, so the record due at exactly 40 s may
        // land a fraction of a nanosecond early and be included.
        assertThat(records.size()).isBetween(40_000, 40_001);
    }

    @Test
    void poissonGapsAreExponential() {
        List<SimRecord> records = run("rate { type = poisson, mean = 1000/s }, count = 100000");

        // Gaps are whole milliseconds here, so compare the share of gaps of each length with the exponential CDF.
        int[] histogram = new int[8];
        double sum = 0;
        for (int i = 1; i < records.size(); i++) {
            long gap = records.get(i).timestamp() - records.get(i - 1).timestamp();
            sum += gap;
            if (gap < histogram.length) {
                histogram[(int) gap]++;
            }
        }
        int gaps = records.size() - 1;
        // The event time floors each arrival to the millisecond, so the mean gap is the mean of the arrivals: 1 ms.
        double standardError = 1.0 / Math.sqrt(gaps);
        assertThat(sum / gaps).isCloseTo(1.0, org.assertj.core.data.Offset.offset(4 * standardError + 0.001));
        double chiSquare = 0;
        for (int k = 0; k < 4; k++) {
            double expected = gaps * expectedFlooredGapShare(k);
            chiSquare += Math.pow(histogram[k] - expected, 2) / expected;
        }
        // 3 degrees of freedom: the 99.9th percentile of chi-square is 16.27.
        assertThat(chiSquare).isLessThan(16.27);
    }

    /** Probability that floor(t + X) − floor(t) = k for X exponential with mean 1 and t uniform. */
    private static double expectedFlooredGapShare(int k) {
        double e = Math.exp(-1);
        if (k == 0) {
            return e;
        }
        return Math.pow(1 - e, 2) * Math.pow(e, k - 1);
    }

    @Test
    void sameSeedGivesSameScheduleInRealTimeAndVirtual() {
        String stream = "rate { type = poisson, mean = 400/s }, count = 100";

        List<SimRecord> virtual = run(stream);
        List<SimRecord> realTime = run("real-time", 1, stream);

        assertThat(realTime)
                .extracting(SimRecord::timestamp)
                .isEqualTo(virtual.stream().map(SimRecord::timestamp).toList());
    }

    @Test
    void speedFactorKeepsEventTimes() {
        String stream = "rate = 20/s, count = 40";

        assertThat(run("real-time", 20, stream)).isEqualTo(run(stream));
    }

    @Test
    void slowRatesSpaceRecords() {
        List<SimRecord> records = run("rate = 12/min, count = 3");

        assertThat(records).extracting(SimRecord::timestamp).containsExactly(START, START + 5000, START + 10000);
    }

    @Test
    void zeroRateFailsAtLoad() {
        assertThatThrownBy(() -> spec("virtual", 1, "rate = 0/s"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shape.conf:5: simulation.streams.s.rate: invalid value '0/s'");
    }

    @Test
    void badScheduleParametersFailAtLoad() {
        assertThatThrownBy(() -> spec(
                        "virtual",
                        1,
                        "rate { type = bursts, base = 10/s, peak = -5/s, period = 1s, burst = 2s, extra = 1 }"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .extracting(ConfigProblem::render)
                        .contains(
                                "shape.conf:5: simulation.streams.s.rate.peak: invalid value '-5/s'; expected "
                                        + Rate.VALID_FORMS,
                                "shape.conf:5: simulation.streams.s.rate.burst: invalid value PT2S; expected a"
                                        + " duration shorter than the period (PT1S)")
                        .anyMatch(p -> p.contains("simulation.streams.s.rate.extra: unknown key")));
    }

    @Test
    void unknownScheduleTypeSuggestsClosest() {
        assertThatThrownBy(() -> spec("virtual", 1, "rate { type = rmap, from = 1/s, to = 2/s, over = 1s }"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "simulation.streams.s.rate.type: unknown rate schedule type 'rmap'; did you" + " mean 'ramp'?");
    }

    @Test
    void changingOneStreamRateLeavesOthers() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  start-time = "2026-01-01T00:00:00Z"
                  streams.a { rate = 10/s, count = 20, fields { id = counter } }
                  streams.b { rate = 10/s, count = 20, fields { id = counter } }
                }
                """, "two.conf");
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.setRate("a", Rate.perSecond(100));
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }

        List<Long> a = sink.records("a").stream().map(SimRecord::timestamp).toList();
        List<Long> b = sink.records("b").stream().map(SimRecord::timestamp).toList();
        assertThat(a.get(19) - a.get(0)).isEqualTo(190);
        assertThat(b.get(19) - b.get(0)).isEqualTo(1900);
    }

    @Test
    void stoppingOneStreamLetsOthersComplete() {
        SimulationSpec spec = SimulationSpec.parse("""
                simulation {
                  streams.endless { rate = 10/s, fields { id = counter } }
                  streams.bounded { rate = 10/s, count = 50, fields { id = counter } }
                }
                """, "two.conf");
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine =
                SimulatorEngine.builder().spec(spec).sink("main", sink).build()) {
            engine.stop("endless");
            engine.start();

            assertThat(engine.awaitCompletion(Duration.ofSeconds(30))).isTrue();
            assertThat(engine.stats().state()).isEqualTo(EngineStats.State.COMPLETED);
            assertThat(sink.records("bounded")).hasSize(50);
            assertThat(sink.records("endless")).isEmpty();
        }
    }

    private static long[] countsPerSecond(List<SimRecord> records, int seconds) {
        long[] counts = new long[seconds];
        for (SimRecord record : records) {
            int second = (int) ((record.timestamp() - START) / 1000);
            if (second < seconds) {
                counts[second]++;
            }
        }
        return counts;
    }

    private static SimulationSpec spec(String clock, double speed, String streamSettings) {
        return SimulationSpec.parse(String.format("""
                        simulation {
                          clock = %s
                          speed = %s
                          start-time = "2026-01-01T00:00:00Z"
                          streams.s { %s
                            fields { id = counter }
                          }
                        }
                        """, clock, speed, streamSettings), "shape.conf");
    }

    private static List<SimRecord> run(String streamSettings) {
        return run("virtual", 1, streamSettings);
    }

    private static List<SimRecord> run(String clock, double speed, String streamSettings) {
        InMemorySink sink = Sinks.inMemory();
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(spec(clock, speed, streamSettings))
                .sink("main", sink)
                .build()) {
            engine.start();
            assertThat(engine.awaitCompletion(Duration.ofSeconds(60))).isTrue();
        }
        return sink.records();
    }
}
