package dev.kafkasim.kafka.junit.internal;

import com.typesafe.config.Config;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Produces the value of one injection point: an engine, a verifier, the admin client, an address or a topic. */
final class Injector {
    private Injector() {}

    /**
     * Returns the value for a field or parameter.
     *
     * @throws ExtensionConfigurationException if the point is misused, naming it and the fix
     */
    static Object value(InjectionPoint point, ClassState state, ExtensionContext context, TestState test) {
        if (point.bootstrapServers() || point.topicName() != null) {
            requireType(point, String.class, point.bootstrapServers() ? "@BootstrapServers" : "@TopicName");
            return point.bootstrapServers() ? state.backend().bootstrapServers() : topicName(point, state);
        }
        if (point.type() == SimulatorEngine.class) {
            return engine(point, state, context, test);
        }
        if (point.scenario() != null) {
            requireType(point, SimulatorEngine.class, "@Scenario");
        }
        if (point.type() == DeliveryVerifier.class) {
            return verifier(point, state, context, test);
        }
        if (point.type() == Admin.class) {
            return state.admin();
        }
        throw new ExtensionConfigurationException(
                point.element() + " has type " + point.type().getName()
                        + ", which kafkasim does not inject; @KafkaSimInject fits SimulatorEngine, DeliveryVerifier and Admin");
    }

    private static String topicName(InjectionPoint point, ClassState state) {
        String declared = point.topicName().value();
        String actual = state.topicName(declared);
        if (actual == null) {
            throw new ExtensionConfigurationException(point.element() + ": @TopicName(\"" + declared + "\") names"
                    + " neither a stream of the class's scenario nor a topic of @KafkaSimTest(topics); known names: "
                    + state.topicNames().keySet());
        }
        return actual;
    }

    private static SimulatorEngine engine(
            InjectionPoint point, ClassState state, ExtensionContext context, TestState test) {
        String scenario = point.scenario() != null && !point.scenario().value().isEmpty()
                ? point.scenario().value()
                : state.settings().annotation().scenario();
        if (scenario.isEmpty()) {
            throw new ExtensionConfigurationException(point.element() + " needs a scenario; set"
                    + " @KafkaSimTest(scenario = \"iot-sensors\") on the class or annotate it with"
                    + " @Scenario(\"iot-sensors\"), using a bundled name, classpath:path or a file path");
        }
        List<String> overrides = new ArrayList<>(state.settings().overrides());
        if (point.scenario() != null) {
            overrides.addAll(List.of(point.scenario().overrides()));
        }
        String key = scenario + "\n" + String.join("\n", overrides);
        SimulatorEngine existing = test.engine(key);
        if (existing != null) {
            return existing;
        }
        return test.addEngine(key, build(scenario, overrides, state, context, point.element()));
    }

    private static SimulatorEngine build(
            String scenario, List<String> overrides, ClassState state, ExtensionContext context, String element) {
        ClassLoader classLoader = classLoader(context);
        Config config =
                ScenarioLoader.load(scenario, overrides, classLoader, element).resolve();
        Optional<Long> seed = replaySeed(context);
        if (seed.isPresent()) {
            config = ScenarioLoader.withSeed(config, seed.get());
        }
        SimulationSpec spec = SimulationSpec.parse(config, classLoader);
        Map<String, String> topics = new LinkedHashMap<>();
        for (StreamSpec stream : spec.streams().values()) {
            topics.put(stream.topic(), state.actualTopic(stream.topic()));
        }
        config = ScenarioLoader.withTopics(config, spec, topics);
        config = ScenarioLoader.withKafkaSinks(config, state.backend().bootstrapServers());
        return SimulatorEngine.builder().config(config).classLoader(classLoader).build();
    }

    private static DeliveryVerifier verifier(
            InjectionPoint point, ClassState state, ExtensionContext context, TestState test) {
        DeliveryVerifier existing = test.verifier();
        if (existing != null) {
            return existing;
        }
        List<SimulatorEngine> engines = test.engines();
        if (engines.size() > 1) {
            throw new ExtensionConfigurationException(point.element() + " is ambiguous: the test uses "
                    + engines.size() + " engines, and a verifier checks one run; create a DeliveryVerifier with"
                    + " DeliveryVerifier.builder() for each engine instead");
        }
        SimulatorEngine engine = engines.isEmpty() ? engine(point, state, context, test) : engines.get(0);
        List<String> topics = engine.spec().streams().values().stream()
                .map(StreamSpec::topic)
                .distinct()
                .toList();
        DeliveryVerifier verifier = DeliveryVerifier.builder()
                .bootstrapServers(state.backend().bootstrapServers())
                .runId(engine.runId())
                .topics(topics)
                .build();
        test.setVerifier(verifier);
        verifier.start();
        return verifier;
    }

    private static Optional<Long> replaySeed(ExtensionContext context) {
        Optional<String> text = context.getConfigurationParameter(KafkaSimTest.SEED_PROPERTY)
                .map(String::trim)
                .filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(KafkaSimTest.SEED_PROPERTY + " = '" + text.get()
                    + "' is invalid; give the whole number that a failed test printed, such as -D"
                    + KafkaSimTest.SEED_PROPERTY + "=42");
        }
    }

    private static ClassLoader classLoader(ExtensionContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : context.getRequiredTestClass().getClassLoader();
    }

    private static void requireType(InjectionPoint point, Class<?> type, String annotation) {
        if (point.type() != type) {
            throw new ExtensionConfigurationException(point.element() + " is annotated with " + annotation
                    + " but has type " + point.type().getName() + "; declare it as " + type.getSimpleName());
        }
    }
}
