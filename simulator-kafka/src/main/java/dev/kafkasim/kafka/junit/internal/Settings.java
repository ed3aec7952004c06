package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.kafka.junit.Backend;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Topic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A class's {@link KafkaSimTest} settings, checked for misuse, with the backend resolved.
 *
 * @param testClass the annotated class
 * @param annotation the annotation
 * @param backend the backend to use, never {@link Backend#AUTO}
 * @param externalServers the external cluster's addresses and where they came from, for {@link Backend#EXTERNAL}
 */
record Settings(Class<?> testClass, KafkaSimTest annotation, Backend backend, External externalServers) {
    static final String BOOTSTRAP_SERVERS_VARIABLE = "KAFKASIM_BOOTSTRAP_SERVERS";

    /** The address of an external cluster and the property or variable that named it. */
    record External(String bootstrapServers, String source) {}

    /**
     * Reads and checks the settings of a class.
     *
     * @throws ExtensionConfigurationException on conflicting or invalid settings, naming the class and the fix
     */
    static Settings of(Class<?> testClass, KafkaSimTest annotation, ExtensionContext context) {
        String element = "@KafkaSimTest on " + testClass.getName();
        if (annotation.brokers() < 1) {
            throw new ExtensionConfigurationException(
                    element + ": brokers = " + annotation.brokers() + " is invalid; give 1 or more");
        }
        checkTopics(element, annotation.topics());
        Optional<External> external = external(context);
        boolean wantsEmbedded = annotation.perClassBroker() || annotation.brokers() > 1;
        Backend backend = annotation.backend();
        if (backend == Backend.AUTO) {
            backend = external.isPresent() && !wantsEmbedded ? Backend.EXTERNAL : Backend.EMBEDDED;
        }
        if (wantsEmbedded && backend != Backend.EMBEDDED) {
            throw new ExtensionConfigurationException(element + ": backend = " + backend + " conflicts with "
                    + (annotation.brokers() > 1 ? "brokers = " + annotation.brokers() : "perClassBroker = true")
                    + ", which start embedded brokers; remove one of the two");
        }
        if (backend == Backend.EXTERNAL && external.isEmpty()) {
            throw new ExtensionConfigurationException(element + ": backend = EXTERNAL needs the address of a"
                    + " cluster; set -D" + KafkaSimTest.BOOTSTRAP_SERVERS_PROPERTY + "=HOST:PORT or the environment"
                    + " variable " + BOOTSTRAP_SERVERS_VARIABLE);
        }
        return new Settings(testClass, annotation, backend, external.orElse(null));
    }

    /** Returns the element name used in messages. */
    String element() {
        return "@KafkaSimTest on " + testClass.getName();
    }

    /** Returns the class's overrides in order. */
    List<String> overrides() {
        return List.of(annotation.overrides());
    }

    private static void checkTopics(String element, Topic[] topics) {
        for (int i = 0; i < topics.length; i++) {
            Topic topic = topics[i];
            String where = element + ": topics[" + i + "]";
            if (topic.name().isEmpty() == topic.stream().isEmpty()) {
                throw new ExtensionConfigurationException(where + " must give exactly one of name and stream, such"
                        + " as @Topic(name = \"iot.sensors\", partitions = 3) or @Topic(stream = \"sensors\")");
            }
            if (topic.partitions() < 1) {
                throw new ExtensionConfigurationException(
                        where + ": partitions = " + topic.partitions() + " is invalid; give 1 or more");
            }
            if (topic.replicationFactor() < 0 || topic.replicationFactor() > Short.MAX_VALUE) {
                throw new ExtensionConfigurationException(where + ": replicationFactor = " + topic.replicationFactor()
                        + " is invalid; give 0 for the broker's default, or 1 or more");
            }
        }
    }

    private static Optional<External> external(ExtensionContext context) {
        Optional<String> property = context.getConfigurationParameter(KafkaSimTest.BOOTSTRAP_SERVERS_PROPERTY)
                .filter(value -> !value.isBlank());
        if (property.isPresent()) {
            return Optional.of(new External(property.get().trim(), KafkaSimTest.BOOTSTRAP_SERVERS_PROPERTY));
        }
        String variable = System.getenv(BOOTSTRAP_SERVERS_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new External(variable.trim(), BOOTSTRAP_SERVERS_VARIABLE));
        }
        return Optional.empty();
    }
}
