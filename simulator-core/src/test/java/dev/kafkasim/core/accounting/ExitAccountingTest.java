package dev.kafkasim.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.EngineStats.State;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks that {@code generated = acknowledged + failed} after each way a run can end. */
class ExitAccountingTest {

    @Test
    void completionAcknowledgesEveryRecord() {
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.counted(5_000))
                .sink("main", TestSinks.async())
                .build()) {
            engine.start();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(60));
            EngineStats stats = engine.stats();

            assertThat(completed).isTrue();
            assertThat(stats.state()).isEqualTo(State.COMPLETED);
            assertThat(stats.generated()).isEqualTo(5_000);
            assertThat(stats.acknowledged()).isEqualTo(5_000);
            assertThat(stats.failed()).isZero();
        }
    }

    @Test
    void closeMidRunAccountsForEveryRecord() {
        SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.unbounded("virtual"))
                .sink("main", TestSinks.async())
                .build();
        engine.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().generated() > 10_000);

        engine.close();
        EngineStats stats = engine.stats();

        assertThat(stats.state()).isEqualTo(State.STOPPED);
        assertThat(stats.generated()).isGreaterThan(10_000);
        assertThat(stats.acknowledged() + stats.failed()).isEqualTo(stats.generated());
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    void callbackErrorsCountAsFailed() {
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.counted(3_000))
                .sink("main", TestSinks.failingEveryThird())
                .build()) {
            engine.start();
            boolean completed = engine.awaitCompletion(Duration.ofSeconds(60));
            EngineStats stats = engine.stats();

            assertThat(completed).isTrue();
            assertThat(stats.state()).isEqualTo(State.COMPLETED);
            assertThat(stats.generated()).isEqualTo(3_000);
            assertThat(stats.acknowledged()).isEqualTo(2_000);
            assertThat(stats.failed()).isEqualTo(1_000);
        }
    }

    @Test
    void silentSinkRecordsFailAfterDrainTimeout() {
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.unbounded("virtual"))
                .sink("main", TestSinks.silent())
                .drainTimeout(Duration.ofMillis(200))
                .build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stats().generated() >= 10_000);

            engine.stop();
            EngineStats stats = engine.stats();

            assertThat(stats.state()).isEqualTo(State.STOPPED);
            assertThat(stats.acknowledged()).isZero();
            assertThat(stats.failed()).isEqualTo(stats.generated());
            assertThat(stats.inFlight()).isZero();
        }
    }

    @Test
    void errorThrownBySinkFailsRunAndAccounts() {
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.counted(1_000))
                .sink("main", TestSinks.throwingErrorAt(500))
                .drainTimeout(Duration.ofMillis(200))
                .build()) {
            engine.start();
            boolean finished = engine.awaitCompletion(Duration.ofSeconds(60));
            EngineStats stats = engine.stats();

            assertThat(finished).isTrue();
            assertThat(stats.state()).isEqualTo(State.FAILED);
            assertThat(engine.failure()).get().asString().contains("sink broke at record 500");
            assertThat(stats.acknowledged()).isEqualTo(500);
            assertThat(stats.acknowledged() + stats.failed()).isEqualTo(stats.generated());
            assertThat(stats.inFlight()).isZero();
        }
    }

    @Test
    void throwingFlushAndCloseKeepAccounts() {
        SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.counted(1_000))
                .sink("main", TestSinks.throwingOnFlushAndClose())
                .build();
        engine.start();
        boolean completed = engine.awaitCompletion(Duration.ofSeconds(60));

        engine.close();
        EngineStats stats = engine.stats();

        assertThat(completed).isTrue();
        assertThat(stats.state()).isEqualTo(State.COMPLETED);
        assertThat(stats.generated()).isEqualTo(1_000);
        assertThat(stats.acknowledged()).isEqualTo(1_000);
        assertThat(stats.failed()).isZero();
    }

    @Test
    void stopBeforeStartLeavesNothingGenerated() {
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.counted(10))
                .sink("main", Sinks.inMemory())
                .build()) {
            engine.stop();
            EngineStats stats = engine.stats();

            assertThat(stats.state()).isEqualTo(State.STOPPED);
            assertThat(stats.generated()).isZero();
            assertThat(stats.inFlight()).isZero();
        }
    }
}
