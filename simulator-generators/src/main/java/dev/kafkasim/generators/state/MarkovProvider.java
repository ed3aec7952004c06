package dev.kafkasim.generators.state;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import dev.kafkasim.generators.internal.HoconValues;
import dev.kafkasim.generators.internal.KeyedState;
import dev.kafkasim.generators.internal.Parameters;
import dev.kafkasim.generators.internal.Sampling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@code markov} generators: a state machine per record key, such as the pages of a user's session. A
 * key's first value is drawn from the {@code initial} weights; each later value is drawn from the
 * {@code transitions} row of the key's current state, whose probabilities must add up to 1. A state without a row
 * is terminal: after a key emits it, the key's next value starts again from {@code initial}, as a new session.
 * The optional {@code states} list declares every state, so that a misspelled name is rejected instead of becoming
 * a new terminal state.
 *
 * <pre>{@code
 * page {
 *   type = markov
 *   initial { home = 0.7, search = 0.3 }
 *   transitions {
 *     home   { search = 0.6, product = 0.3, exit = 0.1 }
 *     search { product = 0.8, exit = 0.2 }
 *     product { cart = 0.3, home = 0.5, exit = 0.2 }
 *     cart   { exit = 1 }
 *   }
 * }
 * }</pre>
 */
public final class MarkovProvider implements GeneratorProvider {
    /** How far the probabilities of a row may add up away from 1, to allow for decimal rounding. */
    private static final double SUM_TOLERANCE = 1e-6;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MarkovProvider() {}

    @Override
    public String type() {
        return "markov";
    }

    @Override
    public String description() {
        return "a state machine per key with initial weights and transition probabilities, for sessions";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.STRING);
        spec.requireKeyFieldBefore();
        Set<String> declared = spec.has("states") ? new LinkedHashSet<>(spec.getStringList("states")) : null;
        Map<String, Double> initial = spec.getWeights("initial");
        Map<String, Map<String, Double>> rows = readRows(spec);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Double> entry : initial.entrySet()) {
            Parameters.requirePositive(spec, "initial." + entry.getKey(), entry.getValue());
            addName(names, entry.getKey());
        }
        rows.forEach((from, row) -> {
            addName(names, from);
            row.keySet().forEach(to -> addName(names, to));
        });
        if (Parameters.isEmptyObject(spec, "initial")) {
            spec.reject("initial", "{}", "at least one state with a weight, such as { home = 1 }");
        }
        if (declared != null) {
            rejectUndeclared(spec, declared, initial.keySet(), rows);
        }
        if (initial.isEmpty()) {
            return context -> null;
        }
        return new Markov(Chain.of(names, initial, rows));
    }

    private static Map<String, Map<String, Double>> readRows(GeneratorSpec spec) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        if (!spec.has("transitions")) {
            return rows;
        }
        ConfigValue value = spec.config().getValue("transitions");
        if (value.valueType() != ConfigValueType.OBJECT) {
            spec.reject(
                    "transitions", Parameters.render(value), "an object of states to rows, such as { a { b = 1 } }");
            return rows;
        }
        for (Map.Entry<String, ConfigValue> entry :
                HoconValues.declaredOrder(spec.config().getObject("transitions"))) {
            String key = "transitions." + quote(entry.getKey());
            Map<String, Double> row = spec.getWeights(key);
            double sum = 0;
            for (Map.Entry<String, Double> cell : row.entrySet()) {
                Parameters.requireProbability(spec, key + "." + quote(cell.getKey()), cell.getValue());
                sum += cell.getValue();
            }
            if (!row.isEmpty() && Math.abs(sum - 1) > SUM_TOLERANCE) {
                spec.reject(key, Parameters.format(sum) + " in total", "probabilities that add up to 1");
            }
            if (row.isEmpty() && entry.getValue().valueType() == ConfigValueType.OBJECT) {
                spec.reject(key, "{}", "at least one next state; leave a terminal state out of transitions");
            }
            rows.put(entry.getKey(), row);
        }
        return rows;
    }

    private static void rejectUndeclared(
            GeneratorSpec spec, Set<String> declared, Set<String> initial, Map<String, Map<String, Double>> rows) {
        String expected = "a state listed in states " + declared;
        for (String name : initial) {
            if (!declared.contains(name)) {
                spec.reject("initial." + quote(name), name, expected);
            }
        }
        rows.forEach((from, row) -> {
            if (!declared.contains(from)) {
                spec.reject("transitions." + quote(from), from, expected);
            }
            for (String to : row.keySet()) {
                if (!declared.contains(to)) {
                    spec.reject("transitions." + quote(from) + "." + quote(to), to, expected);
                }
            }
        });
    }

    private static void addName(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    private static String quote(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }

    /** The states and their cumulative transition tables, by state index. Immutable. */
    private record Chain(String[] names, double[] initial, double[][] transitions) {
        static Chain of(List<String> names, Map<String, Double> initial, Map<String, Map<String, Double>> rows) {
            String[] array = names.toArray(String[]::new);
            double[][] transitions = new double[array.length][];
            for (int i = 0; i < array.length; i++) {
                Map<String, Double> row = rows.get(array[i]);
                transitions[i] = row == null || row.isEmpty() ? null : cumulative(names, row);
            }
            return new Chain(array, cumulative(names, initial), transitions);
        }

        /** Returns cumulative weights over every state index, so that a draw is a binary search. */
        private static double[] cumulative(List<String> names, Map<String, Double> weights) {
            double[] cumulative = new double[names.size()];
            double total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total += Math.max(0, weights.getOrDefault(names.get(i), 0.0));
                cumulative[i] = total;
            }
            return cumulative;
        }
    }

    private static final class Markov implements FieldGenerator {
        private final Chain chain;
        private final KeyedState<int[]> current = new KeyedState<>();

        Markov(Chain chain) {
            this.chain = chain;
        }

        @Override
        public Object next(GenerationContext context) {
            int[] state = current.get(context.key());
            double[] table;
            if (state == null) {
                state = new int[1];
                current.put(context.key(), state);
                table = chain.initial();
            } else {
                double[] row = chain.transitions()[state[0]];
                table = row == null ? chain.initial() : row;
            }
            state[0] = draw(table, context);
            return chain.names()[state[0]];
        }

        private static int draw(double[] cumulative, GenerationContext context) {
            double total = cumulative[cumulative.length - 1];
            int index = Sampling.searchCumulative(cumulative, context.random().nextDouble() * total);
            // A target rounded up to the total lands on the last index, so step back over states of weight 0.
            while (index > 0 && cumulative[index] == cumulative[index - 1]) {
                index--;
            }
            return index;
        }
    }
}
