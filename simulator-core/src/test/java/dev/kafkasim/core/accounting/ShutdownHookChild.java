package dev.kafkasim.core.accounting;

import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulatorEngine;
import java.time.Duration;

/**
 * The main class of the child JVM in {@link ShutdownHookTest}: starts an unbounded run, waits until records are in
 * flight, then calls {@link System#exit}. A hook of its own waits for the engine's hook to end the run and prints
 * the final counts as one line starting with {@value #STATS_PREFIX}.
 */
public final class ShutdownHookChild {
    /** The start of the line that carries the final counts. */
    public static final String STATS_PREFIX = "final-stats ";

    private ShutdownHookChild() {}

    /** Runs the child; exits the JVM with status 0. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorEngine engine = SimulatorEngine.builder()
                .spec(Scenarios.unbounded("real-time"))
                .sink("main", TestSinks.async())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> printFinalStats(engine), "print-final-stats"));
        engine.start();
        while (engine.stats().generated() < 20_000) {
            Thread.sleep(5);
        }
        System.exit(0);
    }

    private static void printFinalStats(SimulatorEngine engine) {
        boolean finished = engine.awaitCompletion(Duration.ofSeconds(30));
        EngineStats stats = engine.stats();
        System.out.println(STATS_PREFIX + "finished=" + finished + " state=" + stats.state() + " generated="
                + stats.generated() + " acknowledged=" + stats.acknowledged() + " failed=" + stats.failed());
        System.out.flush();
    }
}
