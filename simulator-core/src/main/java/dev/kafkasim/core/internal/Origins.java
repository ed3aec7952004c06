package dev.kafkasim.core.internal;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders Typesafe Config origins as {@code file:line}, the form used in every configuration problem. */
public final class Origins {
    private Origins() {}

    /**
     * Returns {@code file:line} for a file origin, the origin's description otherwise, or {@code null} for none.
     *
     * @param origin the origin of a value, or {@code null}
     */
    public static String describe(ConfigOrigin origin) {
        if (origin == null) {
            return null;
        }
        String name = origin.filename();
        if (name == null && origin.url() != null) {
            String url = origin.url().toString();
            name = url.substring(url.lastIndexOf('/') + 1);
        }
        if (name == null) {
            name = origin.resource();
        }
        if (name == null) {
            return describeWithoutFile(origin);
        } else {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = name.substring(slash + 1);
        }
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }

    /** Description of an origin without a file, such as {@code builder} or {@code scenario:12}. */
    private static String describeWithoutFile(ConfigOrigin origin) {
        String description = origin.description().replaceFirst(": [0-9]+(-[0-9]+)?$", "");
        if (description.startsWith(BUILDER) || origin.lineNumber() <= 0) {
            return description;
        }
        return description + ":" + origin.lineNumber();
    }

    /** Origin description of values set through {@code SimulationSpec.builder()}; their line numbers only order them. */
    public static final String BUILDER = "SimulationSpec.builder()";

    /**
     * Returns an object's entries in declared order: by line, then by name, since Typesafe Config objects keep no
     * order. Values on one line keep name order.
     *
     * @param object the object
     */
    public static List<Map.Entry<String, ConfigValue>> declaredOrder(ConfigObject object) {
        List<Map.Entry<String, ConfigValue>> sorted = new ArrayList<>(object.entrySet());
        sorted.sort((a, b) -> {
            int byLine = Integer.compare(
                    a.getValue().origin().lineNumber(), b.getValue().origin().lineNumber());
            return byLine != 0 ? byLine : a.getKey().compareTo(b.getKey());
        });
        return sorted;
    }

    /**
     * Returns the names of keys that share a line with another key of the object, one list per line, each sorted
     * by name. Typesafe Config keeps no key order and only the line survives, so such keys have no declared order.
     * Values made through {@code SimulationSpec.builder()} are skipped, since their line numbers are a counter.
     *
     * @param object the object
     */
    public static List<List<String>> keysSharingALine(ConfigObject object) {
        Map<Integer, List<String>> byLine = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            ConfigOrigin origin = entry.getValue().origin();
            if (origin.lineNumber() > 0 && !origin.description().startsWith(BUILDER)) {
                byLine.computeIfAbsent(origin.lineNumber(), line -> new ArrayList<>())
                        .add(entry.getKey());
            }
        }
        List<List<String>> shared = new ArrayList<>();
        for (List<String> names : byLine.values()) {
            if (names.size() > 1) {
                names.sort(null);
                shared.add(names);
            }
        }
        return shared;
    }

    /**
     * Returns the problem for keys that share one line, such as {@code fields alpha and zeta are declared on one
     * line}.
     *
     * @param object the object holding the keys
     * @param names the keys on that line, as returned by {@link #keysSharingALine}
     * @param path the HOCON path of the object, such as {@code simulation.streams.orders.fields}
     * @param noun the plural noun for the keys, such as {@code fields} or {@code headers}
     */
    public static ConfigProblem sameLineProblem(ConfigObject object, List<String> names, String path, String noun) {
        String quoted = names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return new ConfigProblem(
                describe(object.get(names.get(0)).origin()),
                path,
                noun + " " + quoted + " are declared on one line; HOCON does not keep the order of keys on one"
                        + " line, so put each of these " + noun + " on its own line");
    }
}
