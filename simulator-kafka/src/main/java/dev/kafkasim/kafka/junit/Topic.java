package dev.kafkasim.kafka.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A topic that {@link KafkaSimTest} creates before the class's tests, named directly or by the scenario stream
 * that sends to it. The extension waits until every partition has a leader.
 */
@Documented
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface Topic {
    /** Returns the topic name. Give this or {@link #stream()}. */
    String name() default "";

    /** Returns the scenario stream whose topic to create. Give this or {@link #name()}. */
    String stream() default "";

    /** Returns the number of partitions, at least 1. Default 1. */
    int partitions() default 1;

    /** Returns the replication factor, or 0 for the broker's default. Default 0. */
    int replicationFactor() default 0;
}
