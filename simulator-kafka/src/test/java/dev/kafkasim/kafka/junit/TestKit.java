package dev.kafkasim.kafka.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs a {@link RunByTestKit} class in a JUnit engine of its own and reads what happened. */
final class TestKit {
    static final String PARAMETER = "kafkasim.test-kit";

    private TestKit() {}

    static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(PARAMETER, "true");
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameters(all)
                .execute();
    }

    /** Returns the error of the first failed container or test, or fails if none failed. */
    static Throwable firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .map(result -> result.getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "nothing failed: " + results.allEvents().list()));
    }

    /**
     * Returns the extension's error behind the first failure. JUnit wraps errors thrown while resolving a parameter
     * in a {@link ParameterResolutionException}, which is unwrapped here.
     */
    static Throwable configurationError(EngineExecutionResults results) {
        Throwable failure = firstFailure(results);
        return failure instanceof ParameterResolutionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    /** Returns every value published under a report entry key. */
    static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().stream()
                .filter(event -> event.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(Event::getPayload)
                .flatMap(payload -> payload.stream())
                .map(ReportEntry.class::cast)
                .map(entry -> entry.getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .toList();
    }
}
