package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.kafka.junit.BootstrapServers;
import dev.kafkasim.kafka.junit.KafkaSimInject;
import dev.kafkasim.kafka.junit.Scenario;
import dev.kafkasim.kafka.junit.TopicName;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * A field or parameter to fill: its type and kafkasim annotations, and how messages name it.
 *
 * @param element the field or parameter as messages name it, such as {@code field SensorTest.engine}
 * @param type the declared type
 * @param scenario the {@link Scenario} annotation, or {@code null}
 * @param bootstrapServers whether it is annotated with {@link BootstrapServers}
 * @param topicName the {@link TopicName} annotation, or {@code null}
 * @param marked whether it is annotated with {@link KafkaSimInject}
 */
record InjectionPoint(
        String element,
        Class<?> type,
        Scenario scenario,
        boolean bootstrapServers,
        TopicName topicName,
        boolean marked) {

    static InjectionPoint of(Field field) {
        String element = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
        return new InjectionPoint(
                element,
                field.getType(),
                field.getAnnotation(Scenario.class),
                field.isAnnotationPresent(BootstrapServers.class),
                field.getAnnotation(TopicName.class),
                field.isAnnotationPresent(KafkaSimInject.class));
    }

    static InjectionPoint of(ParameterContext context) {
        Parameter parameter = context.getParameter();
        String element =
                "parameter " + context.getIndex() + " (" + parameter.getType().getSimpleName() + ") of "
                        + context.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                        + context.getDeclaringExecutable().getName() + "()";
        return new InjectionPoint(
                element,
                parameter.getType(),
                context.findAnnotation(Scenario.class).orElse(null),
                context.isAnnotated(BootstrapServers.class),
                context.findAnnotation(TopicName.class).orElse(null),
                true);
    }
}
