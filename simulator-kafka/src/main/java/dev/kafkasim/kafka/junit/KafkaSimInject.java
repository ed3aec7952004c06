package dev.kafkasim.kafka.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of type {@link dev.kafkasim.core.SimulatorEngine}, {@link dev.kafkasim.kafka.verify.DeliveryVerifier}
 * or {@link org.apache.kafka.clients.admin.Admin} for injection by {@link KafkaSimTest}.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface KafkaSimInject {}
