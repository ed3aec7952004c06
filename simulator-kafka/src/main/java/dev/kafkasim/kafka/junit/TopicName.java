package dev.kafkasim.kafka.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} field or parameter that receives the actual name of a topic, with the class's suffix when
 * {@link KafkaSimTest#uniqueTopics()} is on.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface TopicName {
    /** Returns the name of a scenario stream, or a topic name as declared. */
    String value();
}
