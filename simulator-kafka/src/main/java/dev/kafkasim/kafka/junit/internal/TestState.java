package dev.kafkasim.kafka.junit.internal;

import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.verify.DeliveryVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engines and verifier of one test, or of a class's static fields, closed after it in reverse order. */
final class TestState implements AutoCloseable {
    private final Map<String, SimulatorEngine> engines = new LinkedHashMap<>();
    private final Resources resources = new Resources();
    private DeliveryVerifier verifier;

    synchronized SimulatorEngine engine(String key) {
        return engines.get(key);
    }

    synchronized SimulatorEngine addEngine(String key, SimulatorEngine engine) {
        engines.put(key, resources.add(engine));
        return engine;
    }

    synchronized List<SimulatorEngine> engines() {
        return new ArrayList<>(engines.values());
    }

    synchronized DeliveryVerifier verifier() {
        return verifier;
    }

    synchronized DeliveryVerifier setVerifier(DeliveryVerifier verifier) {
        this.verifier = resources.add(verifier);
        return verifier;
    }

    @Override
    public void close() {
        resources.close();
    }
}
