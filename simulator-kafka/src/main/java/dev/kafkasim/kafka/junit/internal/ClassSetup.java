package dev.kafkasim.kafka.junit.internal;

import com.typesafe.config.Config;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.StreamSpec;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Topic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prepares a test class: checks its settings, finds or starts its cluster and creates its topics. */
final class ClassSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ClassSetup.class);

    private ClassSetup() {}

    static ClassState setUp(ExtensionContext context, KafkaSimTest annotation) {
        Settings settings = Settings.of(context.getRequiredTestClass(), annotation, context);
        String suffix = annotation.uniqueTopics() ? suffix(settings.testClass()) : null;
        Map<String, String> topicNames = topicNames(settings, suffix);
        Resources resources = new Resources();
        try {
            KafkaBackend backend = resources.add(Backends.start(settings));
            Admin admin = resources.add(
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backend.bootstrapServers())));
            TopicCreator.create(admin, topicRequests(settings, topicNames), backend.description());
            LOG.info("{} runs against the {}", settings.testClass().getSimpleName(), backend.description());
            return new ClassState(settings, backend, admin, suffix, Collections.unmodifiableMap(topicNames), resources);
        } catch (RuntimeException | Error e) {
            closeQuietly(resources, e);
            throw e;
        }
    }

    /** Returns a suffix unique to the class and this run, such as {@code sensortest-3f9a1c}, valid in topic names. */
    private static String suffix(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Maps each stream of the class's scenario and each declared topic to its actual topic name. */
    private static Map<String, String> topicNames(Settings settings, String suffix) {
        Map<String, String> names = new LinkedHashMap<>();
        String scenario = settings.annotation().scenario();
        if (!scenario.isEmpty()) {
            for (StreamSpec stream : classScenario(settings, scenario).streams().values()) {
                names.put(stream.topic(), withSuffix(stream.topic(), suffix));
                names.put(stream.name(), withSuffix(stream.topic(), suffix));
            }
        }
        Topic[] topics = settings.annotation().topics();
        for (int i = 0; i < topics.length; i++) {
            Topic topic = topics[i];
            if (!topic.name().isEmpty()) {
                names.putIfAbsent(topic.name(), withSuffix(topic.name(), suffix));
            } else if (!names.containsKey(topic.stream())) {
                throw unknownStream(settings, i, topic.stream(), names);
            }
        }
        return names;
    }

    private static SimulationSpec classScenario(Settings settings, String scenario) {
        ClassLoader classLoader = settings.testClass().getClassLoader();
        Config config = ScenarioLoader.load(scenario, settings.overrides(), classLoader, settings.element())
                .resolve();
        return SimulationSpec.parse(config, classLoader);
    }

    private static ExtensionConfigurationException unknownStream(
            Settings settings, int index, String stream, Map<String, String> names) {
        String where = settings.element() + ": topics[" + index + "] names stream '" + stream + "'";
        if (settings.annotation().scenario().isEmpty()) {
            return new ExtensionConfigurationException(where + ", but the class has no scenario; set"
                    + " @KafkaSimTest(scenario = ...) or name the topic with @Topic(name = ...)");
        }
        return new ExtensionConfigurationException(
                where + ", which scenario '" + settings.annotation().scenario()
                        + "' does not declare; its streams and topics are " + names.keySet());
    }

    private static List<TopicCreator.Request> topicRequests(Settings settings, Map<String, String> topicNames) {
        return java.util.Arrays.stream(settings.annotation().topics())
                .map(topic -> new TopicCreator.Request(
                        topicNames.get(topic.name().isEmpty() ? topic.stream() : topic.name()),
                        topic.partitions(),
                        topic.replicationFactor()))
                .toList();
    }

    private static String withSuffix(String topic, String suffix) {
        return suffix == null ? topic : topic + "-" + suffix;
    }

    private static void closeQuietly(Resources resources, Throwable failure) {
        try {
            resources.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
