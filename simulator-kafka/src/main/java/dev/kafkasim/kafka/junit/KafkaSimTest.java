package dev.kafkasim.kafka.junit;

import dev.kafkasim.kafka.junit.internal.KafkaSimExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a Kafka cluster with kafkasim traffic: starts or finds a broker before the class's
 * tests, creates the declared topics with their leaders elected, and injects what the tests declare.
 *
 * <pre>{@code
 * @KafkaSimTest(scenario = "iot-sensors", overrides = "simulation { clock = virtual, count = 1000 }")
 * class SensorPipelineTest {
 *     @Test
 *     void deliversEveryReading(SimulatorEngine engine, DeliveryVerifier verifier) {
 *         engine.start();
 *         engine.awaitCompletion(Duration.ofSeconds(30));
 *         verifier.awaitReport(Map.of("sensors", 1000L), Duration.ofSeconds(30)).assertNoLoss();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Injection</b>, into test and lifecycle method parameters, and into fields marked as described:
 *
 * <ul>
 *   <li>{@link dev.kafkasim.core.SimulatorEngine}: the engine of the class's scenario, or of the one a {@link
 *       Scenario} annotation names, with its Kafka sinks pointed at the broker (a scenario without sinks gets one
 *       named {@code main}). One engine per scenario and test, not started; closed after the test.
 *   <li>{@link dev.kafkasim.kafka.verify.DeliveryVerifier}: a started verifier of the test's engine run, reading
 *       every topic of the scenario.
 *   <li>{@link org.apache.kafka.clients.admin.Admin}: a client of the cluster, shared by the class.
 *   <li>a {@code String} annotated with {@link BootstrapServers} or {@link TopicName}.
 * </ul>
 *
 * Fields of the first three types need {@link KafkaSimInject} or, for engines, {@link Scenario}. Static fields
 * are filled before all tests, instance fields before each test. Everything the extension opens is closed in the
 * reverse order: a test's verifier and engine after the test, the class's admin client and broker after the class.
 *
 * <p><b>Brokers.</b> By default every class in the JVM shares one embedded single-node broker, so a suite pays for
 * one start (about 2 seconds), and the broker stops when the JVM exits. {@link #perClassBroker()} starts one for
 * the class instead, and {@link #brokers()} above 1 starts a cluster of that many nodes for the class. When the
 * system property {@value #BOOTSTRAP_SERVERS_PROPERTY} or the environment variable {@code
 * KAFKASIM_BOOTSTRAP_SERVERS} names a cluster, the default {@link Backend#AUTO} uses it instead.
 *
 * <p><b>Seeds.</b> When a test fails, the extension prints {@code kafkasim seed: N; replay with -Dkafkasim.seed=N}
 * for each engine the test used, and publishes it as the report entry {@code kafkasim.seed}. Setting {@value
 * #SEED_PROPERTY} (as a system property or a JUnit configuration parameter) overrides every scenario's seed.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaSimExtension.class)
public @interface KafkaSimTest {
    /** Property that overrides the seed of every scenario, to replay a failed test. */
    String SEED_PROPERTY = "kafkasim.seed";

    /** Property naming an existing cluster, such as {@code 127.0.0.1:9092}. */
    String BOOTSTRAP_SERVERS_PROPERTY = "kafkasim.bootstrap.servers";

    /**
     * Returns the scenario of the class: a bundled name such as {@code iot-sensors}, a class path resource such
     * as {@code classpath:scenarios/orders.conf}, or a file path. Empty when every engine names its own with
     * {@link Scenario}.
     */
    String scenario() default "";

    /**
     * Returns HOCON applied on top of every scenario of the class, such as {@code simulation.count = 1000}. Later
     * entries win.
     */
    String[] overrides() default {};

    /** Returns the topics created, with their partitions, before any test runs. */
    Topic[] topics() default {};

    /**
     * Returns whether topic names get a suffix unique to the class, so that classes running in parallel on one
     * broker never share a topic. Streams' topics and {@link Topic} names are renamed alike; inject
     * {@link TopicName} to learn a topic's actual name. Default {@code false}.
     */
    boolean uniqueTopics() default false;

    /** Returns where the broker comes from. Default {@link Backend#AUTO}. */
    Backend backend() default Backend.AUTO;

    /**
     * Returns whether the class gets an embedded broker of its own, started before its tests and stopped after
     * them, in place of the one shared by the JVM. Default {@code false}.
     */
    boolean perClassBroker() default false;

    /**
     * Returns the number of embedded nodes. Above 1, the class gets a cluster of its own, each node both broker and
     * KRaft controller. Default 1.
     */
    int brokers() default 1;

    /** Returns the image of {@link Backend#TESTCONTAINERS}. */
    String image() default "apache/kafka:4.4.0";
}
