package dev.kafkasim.generators.choice;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.Sampling;
import java.util.Map;

/**
 * Creates {@code weighted} generators: each value is one of the names under {@code values}, chosen with a
 * probability proportional to its weight. Weights need not add up to 100.
 *
 * <pre>{@code status { type = weighted, values { OK = 97, WARN = 2.5, FAIL = 0.5 } }}</pre>
 */
public final class WeightedProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public WeightedProvider() {}

    @Override
    public String type() {
        return "weighted";
    }

    @Override
    public String description() {
        return "one of the names under values, chosen with probability proportional to its weight";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.STRING);
        Map<String, Double> weights = spec.getWeights("values");
        String[] names = new String[weights.size()];
        double[] cumulative = new double[weights.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            Parameters.requirePositive(spec, "values." + quote(entry.getKey()), entry.getValue());
            total += Math.max(0, entry.getValue());
            names[i] = entry.getKey();
            cumulative[i] = total;
            i++;
        }
        if (Parameters.isEmptyObject(spec, "values")) {
            spec.reject("values", "{}", "at least one name with a weight, such as { OK = 97, FAIL = 3 }");
        }
        if (names.length == 0 || total <= 0) {
            return context -> null;
        }
        double sum = total;
        return context ->
                names[Sampling.searchCumulative(cumulative, context.random().nextDouble() * sum)];
    }

    private static String quote(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
