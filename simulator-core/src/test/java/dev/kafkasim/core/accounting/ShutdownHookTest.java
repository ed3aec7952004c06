package dev.kafkasim.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs an engine in a child JVM that calls {@link System#exit} mid-run, and checks that the engine's shutdown hook
 * stopped the run with every record acknowledged or counted failed.
 */
class ShutdownHookTest {

    @Test
    void systemExitMidRunAccountsForEveryRecord() throws Exception {
        Process child = startChild();
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> stats = finalStats(output);

        assertThat(exited).as("child exited; output:%n%s", output).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(stats).as("final stats line in:%n%s", output).isNotEmpty();
        assertThat(stats.get("finished")).isEqualTo("true");
        assertThat(stats.get("state")).isEqualTo("STOPPED");
        long generated = Long.parseLong(stats.get("generated"));
        long acknowledged = Long.parseLong(stats.get("acknowledged"));
        long failed = Long.parseLong(stats.get("failed"));
        assertThat(generated).isGreaterThanOrEqualTo(20_000);
        assertThat(acknowledged + failed).isEqualTo(generated);
    }

    private static Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), ShutdownHookChild.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        return child;
    }

    /** Returns the {@code key=value} pairs of the child's final stats line, or an empty map without one. */
    private static Map<String, String> finalStats(String output) {
        Map<String, String> stats = new HashMap<>();
        output.lines()
                .filter(line -> line.startsWith(ShutdownHookChild.STATS_PREFIX))
                .findFirst()
                .ifPresent(line -> {
                    for (String pair : line.substring(ShutdownHookChild.STATS_PREFIX.length())
                            .split(" ")) {
                        String[] parts = pair.split("=", 2);
                        stats.put(parts[0], parts[1]);
                    }
                });
        return stats;
    }
}
