package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.junit.BootstrapServers;
import dev.kafkasim.kafka.junit.KafkaSimInject;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Scenario;
import dev.kafkasim.kafka.junit.TopicName;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link KafkaSimTest}: sets the class up before its tests, injects fields and parameters,
 * and reports the seeds of a failed test. Registered by the annotation; not for direct use.
 */
public final class KafkaSimExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {
    private static final Namespace NAMESPACE = Namespace.create(KafkaSimExtension.class);
    private static final List<Class<? extends java.lang.annotation.Annotation>> FIELD_ANNOTATIONS =
            List.of(KafkaSimInject.class, Scenario.class, BootstrapServers.class, TopicName.class);

    /** Creates the extension; JUnit calls this. */
    public KafkaSimExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        classState(context);
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : injectedFields(testClass)) {
            if (Modifier.isStatic(field.getModifiers())) {
                inject(field, null, context);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : injectedFields(instance.getClass())) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    inject(field, instance, context);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == String.class) {
            return parameterContext.isAnnotated(BootstrapServers.class)
                    || parameterContext.isAnnotated(TopicName.class);
        }
        return type == SimulatorEngine.class || type == DeliveryVerifier.class || type == Admin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        InjectionPoint point = InjectionPoint.of(parameterContext);
        return Injector.value(point, classState(extensionContext), extensionContext, testState(extensionContext));
    }

    /** Prints and publishes the seed of every engine the failed test used, then rethrows the failure. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        for (SimulatorEngine engine : enginesOf(context)) {
            long seed = engine.spec().seed();
            System.err.println("kafkasim seed: " + seed + "; replay with -D" + KafkaSimTest.SEED_PROPERTY + "=" + seed);
            context.publishReportEntry(KafkaSimTest.SEED_PROPERTY, Long.toString(seed));
        }
        throw throwable;
    }

    private static ClassState classState(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(
                        ClassState.class, key -> ClassSetup.setUp(context, annotation(context)), ClassState.class);
    }

    /** Returns the state of the current test, or of the class for static fields and {@code @BeforeAll} methods. */
    private static TestState testState(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(stateKey(context), key -> new TestState(), TestState.class);
    }

    private static List<SimulatorEngine> enginesOf(ExtensionContext context) {
        Set<SimulatorEngine> engines = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            TestState state = current.getStore(NAMESPACE).get(stateKey(current), TestState.class);
            if (state != null) {
                engines.addAll(state.engines());
            }
        }
        return List.copyOf(engines);
    }

    /** Store keys include the context's id, because a store lookup also finds the values of enclosing contexts. */
    private static String stateKey(ExtensionContext context) {
        return "test-state:" + context.getUniqueId();
    }

    private static KafkaSimTest annotation(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<KafkaSimTest> annotation = AnnotationSupport.findAnnotation(type, KafkaSimTest.class);
            if (annotation.isPresent()) {
                return annotation.get();
            }
        }
        throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                + " uses the kafkasim extension without @KafkaSimTest; annotate the class with @KafkaSimTest instead"
                + " of registering the extension directly");
    }

    private static Set<Field> injectedFields(Class<?> testClass) {
        Set<Field> fields = new LinkedHashSet<>();
        for (Class<? extends java.lang.annotation.Annotation> annotation : FIELD_ANNOTATIONS) {
            fields.addAll(AnnotationSupport.findAnnotatedFields(testClass, annotation));
        }
        return fields;
    }

    private static void inject(Field field, Object instance, ExtensionContext context) throws IllegalAccessException {
        InjectionPoint point = InjectionPoint.of(field);
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException(
                    point.element() + " is final; remove final so that kafkasim" + " can inject it");
        }
        Object value = Injector.value(point, classState(context), context, testState(context));
        field.setAccessible(true);
        field.set(instance, value);
    }
}
