package dev.kafkasim.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.EngineStats.State;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import dev.kafkasim.core.spi.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Starts and stops engines 200 times in all, at varied points of their runs, and checks the accounting after each
 * stop. A lost callback or a race between stop and completion shows up as a broken sum.
 */
class StartStopSoakTest {
    private static final int CYCLES = 100;

    @Test
    void virtualRunsAccountAfterEveryStop() {
        List<String> broken = soak(Scenarios.unbounded("virtual"), Sinks::inMemory);

        assertThat(broken).isEmpty();
    }

    @Test
    void realTimeAsyncRunsAccountAfterEveryStop() {
        List<String> broken = soak(Scenarios.unbounded("real-time"), TestSinks::async);

        assertThat(broken).isEmpty();
    }

    /** Runs the cycles and returns a description of each cycle whose counts do not add up. */
    private static List<String> soak(SimulationSpec spec, java.util.function.Supplier<Sink> sinks) {
        SplittableRandom random = new SplittableRandom(42);
        List<String> broken = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long stopAfter = random.nextLong(0, 2_000);
            try (SimulatorEngine engine = SimulatorEngine.builder()
                    .spec(spec)
                    .sink("main", sinks.get())
                    .build()) {
                engine.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> engine.stats().generated() >= stopAfter);
                engine.stop();
                EngineStats stats = engine.stats();
                if (stats.state() != State.STOPPED
                        || stats.generated() != stats.acknowledged() + stats.failed()
                        || stats.inFlight() != 0) {
                    broken.add("cycle " + cycle + ": " + stats);
                }
            }
        }
        return broken;
    }
}
