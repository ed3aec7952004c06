package dev.kafkasim.kafka.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the scenario of an injected {@link dev.kafkasim.core.SimulatorEngine} field or parameter, in place of the
 * class's {@link KafkaSimTest#scenario()}. On a field it also marks the field for injection.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Scenario {
    /**
     * Returns the scenario: a bundled name such as {@code orders}, {@code classpath:} and a resource path, or a
     * file path. Empty for the class's scenario.
     */
    String value() default "";

    /** Returns HOCON applied on top of the scenario, after the class's overrides. */
    String[] overrides() default {};
}
