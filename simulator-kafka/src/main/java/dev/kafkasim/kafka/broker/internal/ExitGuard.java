package dev.kafkasim.kafka.broker.internal;

import dev.kafkasim.core.KafkasimException;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an embedded broker's fatal faults from ending the JVM.
 *
 * <p>Kafka 4.4 calls {@link Exit#exit} or {@link Exit#halt} on some faults (a controller port already taken, a
 * failed log directory). Once installed, those calls throw a {@link KafkasimException} in the calling thread
 * instead, so a test fails with the broker's message rather than the whole JVM stopping. The procedures are
 * JVM-wide and stay installed.
 */
public final class ExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static boolean installed;

    private ExitGuard() {}

    /** Installs the guard once per JVM; later calls do nothing. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setExitProcedure((status, message) -> rejectExit("exit", status, message));
        Exit.setHaltProcedure((status, message) -> rejectExit("halt", status, message));
        installed = true;
    }

    private static void rejectExit(String action, int status, String message) {
        String text = "Embedded Kafka broker requested a JVM " + action + " with status " + status
                + (message == null ? "" : ": " + message);
        LOG.error("{}; throwing instead", text);
        throw new KafkasimException(text);
    }
}
